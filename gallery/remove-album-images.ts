import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { deleteAlbumImages, findAlbum } from './album-repository.js';
import type { ItemResult } from './item-results.js';
import { selectImageStates } from './repository.js';

/**
 * Take images out of one of the user's albums (live or trashed ones; the images themselves stay).
 * Idempotent: an image of the user's that is not in the album succeeds. Per image: NotFound when
 * the user has no such image.
 * @throws NotFound when the user has no such album.
 */
export async function removeAlbumImages({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; albumId: string; ids: string[] };
}): Promise<ItemResult[]> {
  if (!(await findAlbum(ctx.db, { userId: input.userId, id: input.albumId }))) throw new NotFound('album', input.albumId);
  const states = await selectImageStates(ctx.db, { userId: input.userId, ids: input.ids });
  await deleteAlbumImages(ctx.db, { userId: input.userId, albumId: input.albumId, ids: input.ids, at: new Date() });
  return input.ids.map((id) => ({ id, error: states.has(id) ? null : new NotFound('image', id) }));
}
