import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findAlbum, type AlbumWithCount } from './album-repository.js';

/** One of the user's albums, with how many images it shows. */
export async function getAlbum({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; id: string };
}): Promise<AlbumWithCount> {
  const album = await findAlbum(ctx.db, input);
  if (!album) throw new NotFound('album', input.id);
  return album;
}
