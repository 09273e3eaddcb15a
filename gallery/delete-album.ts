import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { deleteAlbum as deleteRow } from './album-repository.js';

/** Delete one of the user's albums; its images stay in the gallery (and in their other albums). @throws NotFound */
export async function deleteAlbum({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; id: string };
}): Promise<void> {
  if (!(await deleteRow(ctx.db, input))) throw new NotFound('album', input.id);
}
