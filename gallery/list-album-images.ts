import { NotFound } from '../shared/errors.js';
import type { Page } from '../shared/pagination.js';
import type { GalleryContext } from './context.js';
import { findAlbum } from './album-repository.js';
import { listImages } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * An album's images that are in the gallery (a trashed one shows again once restored), newest
 * first, keyset paged like the gallery: the same query as `GET /v1/gallery/?album_id=`.
 * @throws NotFound when the user has no such album.
 */
export async function listAlbumImages({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; albumId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<GalleryImageRow>> {
  if (!(await findAlbum(ctx.db, { userId: input.userId, id: input.albumId }))) throw new NotFound('album', input.albumId);
  return listImages(ctx.db, { userId: input.userId, limit: input.limit, cursor: input.cursor, filter: { albumId: input.albumId } });
}
