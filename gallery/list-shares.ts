import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findImage } from './repository.js';
import type { GalleryShareRow } from './schema.js';
import { selectShares } from './share-repository.js';

/** The links of one of the user's images (live or trashed), newest first, revoked ones included. */
export async function listShares({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; imageId: string };
}): Promise<GalleryShareRow[]> {
  if (!(await findImage(ctx.db, { userId: input.userId, id: input.imageId }))) throw new NotFound('image', input.imageId);
  return selectShares(ctx.db, input);
}
