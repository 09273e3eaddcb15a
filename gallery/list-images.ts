import type { Page } from '../shared/pagination.js';
import type { GalleryContext } from './context.js';
import { listImages as listLive } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * The user's gallery (not the trash), newest first, keyset paged; with `isNsfw`, only the images
 * moderation flagged (or only the others). A cursor we did not issue is a ValidationFailed.
 */
export async function listImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; limit: number; cursor?: string | undefined; isNsfw?: boolean | undefined };
}): Promise<Page<GalleryImageRow>> {
  return listLive(ctx.db, input);
}
