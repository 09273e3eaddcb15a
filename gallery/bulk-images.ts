import { AppError, ValidationFailed } from '../shared/errors.js';
import { addAlbumImages } from './add-album-images.js';
import type { GalleryContext } from './context.js';
import { deleteImagePermanently } from './delete-image-permanently.js';
import { deleteImage } from './delete-image.js';
import type { ItemResult } from './item-results.js';
import { removeAlbumImages } from './remove-album-images.js';
import { restoreImage } from './restore-image.js';
import { setFavorites } from './set-favorites.js';

export const BULK_ACTIONS = ['delete', 'restore', 'purge', 'favorite', 'unfavorite', 'add_to_album', 'remove_from_album'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The actions that name an album. */
export const ALBUM_ACTIONS: readonly BulkAction[] = ['add_to_album', 'remove_from_album'];
/** The most ids one bulk request may name. */
export const MAX_BULK_IDS = 500;
/** How many images a trash action works on at once. */
const BULK_CONCURRENCY = 4;

type PerImage = (args: { ctx: GalleryContext; input: { userId: string; id: string } }) => Promise<unknown>;

/** Each image's own use case, so a bulk action does exactly what the single route does (events included). */
const ONE_BY_ONE: Record<'delete' | 'restore' | 'purge', PerImage> = {
  delete: deleteImage,
  restore: restoreImage,
  purge: deleteImagePermanently,
};

/**
 * One action on many of the user's images. One result per distinct id, in the order given; an
 * image that fails (not the user's, missing, in the wrong state, a file that could not be
 * removed) fails alone, the others go on. The trash actions run per image (a few at a time)
 * through the same use cases as the single routes, so each sends its realtime event and webhook,
 * and a purge tells the chat message that made the image; favorites and albums (which send no
 * events) are one statement for all the ids, with the single routes' rules.
 * @throws NotFound for an album action when the user has no such album (nothing is done).
 */
export async function bulkImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; action: BulkAction; ids: string[]; albumId?: string | undefined };
}): Promise<ItemResult[]> {
  const ids = [...new Set(input.ids)];
  const { userId, action } = input;
  if (action === 'add_to_album' || action === 'remove_from_album') {
    if (input.albumId === undefined) throw new ValidationFailed(`${action} needs album_id`, [{ path: 'body.album_id', message: 'required for this action' }]);
    const albumInput = { userId, albumId: input.albumId, ids };
    return action === 'add_to_album' ? addAlbumImages({ ctx, input: albumInput }) : removeAlbumImages({ ctx, input: albumInput });
  }
  if (action === 'favorite' || action === 'unfavorite') return setFavorites({ ctx, input: { userId, ids, favorite: action === 'favorite' } });
  const run = ONE_BY_ONE[action];
  const results: ItemResult[] = new Array<ItemResult>(ids.length);
  const runOne = async (index: number) => {
    const id = ids[index] as string;
    try {
      await run({ ctx, input: { userId, id } });
      results[index] = { id, error: null };
    } catch (error) {
      if (error instanceof AppError) {
        results[index] = { id, error };
      } else {
        ctx.logger.error({ err: error, imageId: id, action }, 'bulk action failed on one image');
        results[index] = { id, error: new AppError('internal', 'this image could not be processed; try again') };
      }
    }
  };
  // A few at a time: faster than one by one, and 500 purges at once would swamp the storage and
  // the database pool.
  let next = 0;
  const worker = async () => {
    while (next < ids.length) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
  return results;
}
