import { Conflict, NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findAlbum, insertAlbumImages } from './album-repository.js';
import type { ItemResult } from './item-results.js';
import { selectImageStates } from './repository.js';

/**
 * Put images in one of the user's albums, all in one statement. Idempotent: an image already in
 * the album succeeds and stays as it was. Per image: NotFound when the user has no such image,
 * Conflict when it is in the trash (restore it first).
 * @throws NotFound when the user has no such album (nothing is added).
 */
export async function addAlbumImages({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; albumId: string; ids: string[] };
}): Promise<ItemResult[]> {
  if (!(await findAlbum(ctx.db, { userId: input.userId, id: input.albumId }))) throw new NotFound('album', input.albumId);
  const states = await selectImageStates(ctx.db, { userId: input.userId, ids: input.ids });
  const live = input.ids.filter((id) => states.get(id)?.trashed === false);
  await insertAlbumImages(ctx.db, { userId: input.userId, albumId: input.albumId, ids: live, at: new Date() });
  return input.ids.map((id) => {
    const state = states.get(id);
    if (!state) return { id, error: new NotFound('image', id) };
    if (state.trashed) return { id, error: new Conflict(`image ${id} is in the trash: restore it first`) };
    return { id, error: null };
  });
}
