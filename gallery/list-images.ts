import type { Page } from '../shared/pagination.js';
import { getAlbum } from './get-album.js';
import type { GalleryContext } from './context.js';
import type { GalleryFilter, GallerySort } from './list-filter.js';
import { listImages as listLive } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * The user's gallery (not the trash), newest first unless `sort` says oldest, narrowed by
 * `filter` (list-filter.ts), keyset paged. A cursor we did not issue, or one made under another
 * sort or filter, is a ValidationFailed; an album (`filter.albumId`) that is not the user's a NotFound.
 */
export async function listImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; limit: number; cursor?: string | undefined; sort?: GallerySort | undefined; filter?: GalleryFilter | undefined };
}): Promise<Page<GalleryImageRow>> {
  const albumId = input.filter?.albumId;
  if (albumId !== undefined) await getAlbum({ ctx, input: { userId: input.userId, id: albumId } });
  return listLive(ctx.db, input);
}
