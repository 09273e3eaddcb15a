import { mkdir, readFile, rename, rm, stat, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { NotFound } from '../../shared/errors.js';
import type { ImageStorage, StoreRequest, StoredFile } from '../ports.js';
import { mediaFile } from './media-path.js';

export interface DiskStorageOptions {
  /** Folder the files live in; the gateway serves it at `/media/`. */
  mediaDir: string;
  /** Base of the URLs handed out, e.g. `http://localhost:9999`. */
  publicUrl: string;
}

/**
 * Local disk storage: `users/{userId}/{imageId}.{format}` under the media folder, served by the
 * gateway at `/media/…`. Writes go to a temporary file first and are renamed into place, so a
 * reader never sees half a file and storing the same image again replaces it whole.
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
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, request.data);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return {
        url: `${options.publicUrl}/media/${key}`,
        key,
        bytes: request.data.byteLength,
        thumbnailUrl: null,
      };
    },

    async get({ key }): Promise<Buffer> {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFound('stored file', key);
        throw error;
      }
    },

    async remove(key: string): Promise<void> {
      await rm(fileOf(key), { force: true });
    },

    async ping(): Promise<void> {
      await mkdir(root, { recursive: true });
      await access(root, constants.W_OK);
      await stat(root);
    },
  };
}

/** The file's key: one folder per user, the image id as its name. */
function keyFor(request: StoreRequest): string {
  const user = encodeURIComponent(request.userId);
  return `users/${user}/${encodeURIComponent(request.imageId)}.${request.format === 'jpeg' ? 'jpg' : request.format}`;
}
