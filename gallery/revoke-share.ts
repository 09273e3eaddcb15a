import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import type { GalleryShareRow } from './schema.js';
import { revokeShareRow } from './share-repository.js';

/** Revoke a link of the user's image at once: it answers 404 from then on. Revoking twice is harmless. */
export async function revokeShare({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; imageId: string; shareId: string; now?: Date };
}): Promise<GalleryShareRow> {
  const row = await revokeShareRow(ctx.db, { userId: input.userId, imageId: input.imageId, id: input.shareId, at: input.now ?? new Date() });
  if (!row) throw new NotFound('share link', input.shareId);
  return row;
}
