import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findAlbum, renameAlbum as renameRow, type AlbumWithCount } from './album-repository.js';

/** Give one of the user's albums a new name. @throws NotFound when the user has no such album. */
export async function renameAlbum({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; id: string; name: string };
}): Promise<AlbumWithCount> {
  const renamed = await renameRow(ctx.db, { ...input, at: new Date() });
  const album = renamed ? await findAlbum(ctx.db, input) : null;
  if (!album) throw new NotFound('album', input.id);
  return album;
}
