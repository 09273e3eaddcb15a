import type { Page } from '../shared/pagination.js';
import type { GalleryContext } from './context.js';
import { listDeletedImages as listTrash } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/** The user's trash, most recently deleted first, keyset paged. A cursor we did not issue is a ValidationFailed. */
export async function listDeletedImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<GalleryImageRow>> {
  return listTrash(ctx.db, input);
}
