import { mkdir, readFile, readdir, rename, rm, stat, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { NotFound, StorageUnavailable } from '../../shared/errors.js';
import type { ImageStorage, StoreRequest, StoredFile } from '../ports.js';
import { imageKeysOf, isThumbnailKey, makeThumbnail, thumbnailKeyOf } from '../thumbnail.js';
import { mediaFile } from './media-path.js';

export interface DiskStorageOptions {
  /** Folder the files live in; the gateway serves it at `/media/`. */
  mediaDir: string;
}

const TEMPORARY_SUFFIX = '.tmp';

/**
 * Local disk storage: `users/{userId}/{imageId}.{format}` under the media folder, served by the
 * gateway at `/media/…` (the URL is built from the key when it is read: see MediaLinks), with its
 * thumbnail beside it (`{imageId}.thumb.webp`, see thumbnail.ts), made once as it is stored and
 * removed with it. Writes go
 * to a temporary file first and are renamed into place, so a reader never sees half a file and
 * storing the same image again replaces it whole. A folder that cannot be written (permissions,
 * a full or read-only disk) is `storage_unavailable`, which the pipeline retries.
 */
export function createDiskStorage(options: DiskStorageOptions): ImageStorage {
  const root = path.resolve(options.mediaDir);

  const fileOf = (key: string): string => {
    // A key is ours (built by keyFor), but never let one escape the media folder.
    const file = mediaFile(root, key);
    if (!file) throw new NotFound('stored file', key);
    return file;
  };

  return {
    kind: 'disk',

    async put(request: StoreRequest): Promise<StoredFile> {
      const key = keyFor(request);
      const file = fileOf(key);
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeWhole(file, request.data);
      } catch (error) {
        throw unavailable('the image could not be written to the media folder', error);
      }
      // The thumbnail after the image: a thumbnail never exists without its image. One that cannot
      // be made (bytes sharp cannot read) is left out; the media route tries again on request.
      const thumbnail = await makeThumbnail(request.data).catch(() => undefined);
      if (thumbnail) {
        try {
          await writeWhole(fileOf(thumbnailKeyOf(key)), thumbnail);
        } catch (error) {
          throw unavailable('the thumbnail could not be written to the media folder', error);
        }
      }
      // Its URL is built from the key when read (MediaLinks.thumbnailOf), like the image's.
      return { url: null, key, bytes: request.data.byteLength, thumbnailUrl: null };
    },

    async get({ key }): Promise<Buffer> {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (error instanceof NotFound || code === 'ENOENT' || code === 'ENOTDIR') throw new NotFound('stored file', key);
        throw unavailable('the image could not be read from the media folder', error);
      }
    },

    async remove(key: string): Promise<void> {
      try {
        // The thumbnail first: were the image's removal to fail, a retry still finds the image.
        if (!isThumbnailKey(key)) await rm(fileOf(thumbnailKeyOf(key)), { force: true });
        await rm(fileOf(key), { force: true });
      } catch (error) {
        if (error instanceof NotFound) return;
        throw unavailable('the image could not be removed from the media folder', error);
      }
    },

    async ping(): Promise<void> {
      try {
        await mkdir(root, { recursive: true });
        await access(root, constants.W_OK);
        await stat(root);
      } catch (error) {
        throw unavailable('the media folder cannot be written', error);
      }
    },
  };
}

/**
 * Remove temporary files a killed process left behind (a write is a temporary file renamed into
 * place). Only those last written before `modifiedBefore`: a younger one may be a write in
 * progress (another worker's, on a shared folder, or this process's own). Returns how many were
 * removed.
 */
export async function sweepTemporaryFiles(mediaDir: string, modifiedBefore: Date): Promise<number> {
  let entries: string[];
  try {
    entries = await readdir(mediaDir, { recursive: true });
  } catch {
    return 0; // no folder yet: nothing was ever written
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.endsWith(TEMPORARY_SUFFIX)) continue;
    const file = path.join(mediaDir, entry);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || info.mtimeMs >= modifiedBefore.getTime()) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * Make the missing thumbnail named by `thumbnailKey` from its image, for an image stored before
 * thumbnails were made (or whose thumbnail could not be made then). Returns the thumbnail, or
 * undefined when there is no image to make it from (or it is not one sharp can read).
 */
export async function makeMissingThumbnail(mediaDir: string, thumbnailKey: string): Promise<Buffer | undefined> {
  const root = path.resolve(mediaDir);
  const target = isThumbnailKey(thumbnailKey) ? mediaFile(root, thumbnailKey) : undefined;
  if (!target) return undefined;
  for (const key of imageKeysOf(thumbnailKey)) {
    const file = mediaFile(root, key);
    const image = file && (await readFile(file).catch(() => undefined));
    if (!image) continue;
    const thumbnail = await makeThumbnail(image).catch(() => undefined);
    if (!thumbnail) return undefined;
    // Kept, so it is made once; a failed write still serves this request.
    await writeWhole(target, thumbnail).catch(() => undefined);
    return thumbnail;
  }
  return undefined;
}

/** Write to a temporary file and rename it into place: a reader never sees half a file. */
async function writeWhole(file: string, data: Buffer): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}${TEMPORARY_SUFFIX}`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The file's key: one folder per user, the image id as its name. */
function keyFor(request: StoreRequest): string {
  const user = encodeURIComponent(request.userId);
  return `users/${user}/${encodeURIComponent(request.imageId)}.${request.format === 'jpeg' ? 'jpg' : request.format}`;
}

/** A file system failure as the retryable storage error; the path and errno stay in the cause (the log). */
function unavailable(message: string, cause: unknown): StorageUnavailable {
  return new StorageUnavailable(message, cause);
}
