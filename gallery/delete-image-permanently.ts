import { AppError, NotFound, ServiceUnavailable } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { publishImageEvent } from './events.js';
import { findImage, hardDeleteImage } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * Remove an image for good, whether live or in the trash: its stored file, then its row.
 * The file goes first, so a failed removal throws and leaves the row for a retry (removing a
 * file that is already gone is not an error). Only files of the configured storage can be
 * removed; a row filed under another storage (e.g. Cloudinary, while running on disk) loses its
 * row and the file is left, with a warning. External images have no file of ours.
 * @throws NotFound when the user has no such image.
 */
export async function deleteImagePermanently({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; id: string };
}): Promise<void> {
  const row = await findImage(ctx.db, input);
  if (!row) throw new NotFound('image', input.id);

  await removeImageFile(ctx, row);

  const removed = await hardDeleteImage(ctx.db, input);
  // A concurrent permanent delete removed the row first and has sent the event.
  if (!removed) throw new NotFound('image', input.id);
  await announceDeletedForGood(ctx, removed);
}

/**
 * Remove an image's stored file (and with it its thumbnail: the storage's `remove`), when the
 * configured storage holds it. A file in another storage is left, with a warning.
 * @throws an AppError (503) when the storage could not remove it: the row must stay, for a retry.
 */
export async function removeImageFile(ctx: GalleryContext, row: GalleryImageRow): Promise<void> {
  if (row.storageKey && row.storage === ctx.storage.kind) {
    try {
      await ctx.storage.remove(row.storageKey);
    } catch (error) {
      // Not the client's fault and worth a retry: a 503 in the envelope, not a 500.
      if (error instanceof AppError) throw error;
      throw new ServiceUnavailable('the stored file could not be removed; the image is kept, try again', error);
    }
  } else if (row.storageKey && row.storage !== 'external') {
    ctx.logger.warn(
      { imageId: row.id, storage: row.storage, storageKey: row.storageKey, configured: ctx.storage.kind },
      'image deleted; its file is in another storage than the configured one and was left in place',
    );
  }
}

/** After the row is gone: `gallery.image.deleted` (realtime and webhook), and the message that made it is told. */
export async function announceDeletedForGood(ctx: GalleryContext, removed: GalleryImageRow): Promise<void> {
  publishImageEvent(ctx, 'deleted-permanently', removed);
  await ctx.onDeletedForGood?.(removed).catch((error: unknown) =>
    ctx.logger.warn({ err: error, imageId: removed.id }, 'image deleted; what pointed at it was not told'),
  );
}
