import type { Page } from '../shared/pagination.js';
import type { GalleryContext } from './context.js';
import type { GalleryFilter, GallerySort } from './list-filter.js';
import { listImages as listLive } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * The user's gallery (not the trash), newest first unless `sort` says oldest, narrowed by
 * `filter` (list-filter.ts), keyset paged. A cursor we did not issue, or one made under another
 * sort or filter, is a ValidationFailed.
 */
export async function listImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; limit: number; cursor?: string | undefined; sort?: GallerySort | undefined; filter?: GalleryFilter | undefined };
}): Promise<Page<GalleryImageRow>> {
  return listLive(ctx.db, input);
}
