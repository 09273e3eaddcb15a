import { AppError, ValidationFailed } from '../shared/errors.js';
import { addAlbumImages } from './add-album-images.js';
import type { GalleryContext } from './context.js';
import { deleteImagePermanently } from './delete-image-permanently.js';
import { deleteImage } from './delete-image.js';
import { favoriteImage } from './favorite-image.js';
import type { ItemResult } from './item-results.js';
import { removeAlbumImages } from './remove-album-images.js';
import { restoreImage } from './restore-image.js';
import { unfavoriteImage } from './unfavorite-image.js';

export const BULK_ACTIONS = ['delete', 'restore', 'purge', 'favorite', 'unfavorite', 'add_to_album', 'remove_from_album'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The actions that name an album. */
export const ALBUM_ACTIONS: readonly BulkAction[] = ['add_to_album', 'remove_from_album'];
/** The most ids one bulk request may name. */
export const MAX_BULK_IDS = 500;

type PerImage = (args: { ctx: GalleryContext; input: { userId: string; id: string } }) => Promise<unknown>;

/** Each image's own use case, so a bulk action does exactly what the single route does (events included). */
const ONE_BY_ONE: Record<Exclude<BulkAction, 'add_to_album' | 'remove_from_album'>, PerImage> = {
  delete: deleteImage,
  restore: restoreImage,
  purge: deleteImagePermanently,
  favorite: favoriteImage,
  unfavorite: unfavoriteImage,
};

/**
 * One action on many of the user's images. One result per distinct id, in the order given; an
 * image that fails (not the user's, missing, in the wrong state, a file that could not be
 * removed) fails alone, the others go on. The trash actions run image by image through the same
 * use cases as the single routes, so each sends its realtime event and webhook, and a purge tells
 * the chat message that made the image; the album actions are one statement for all the ids.
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
  const run = ONE_BY_ONE[action];
  const results: ItemResult[] = [];
  // One at a time: a purge removes files, and 500 of them at once would swamp the storage.
  for (const id of ids) {
    try {
      await run({ ctx, input: { userId, id } });
      results.push({ id, error: null });
    } catch (error) {
      if (error instanceof AppError) {
        results.push({ id, error });
      } else {
        ctx.logger.error({ err: error, imageId: id, action }, 'bulk action failed on one image');
        results.push({ id, error: new AppError('internal', 'this image could not be processed; try again') });
      }
    }
  }
  return results;
}
