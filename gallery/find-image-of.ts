import type { GalleryContext } from './context.js';
import { findImage } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/** One of the user's images, live or in the trash, or null (another user's is null too). */
export async function findImageOf({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; id: string };
}): Promise<GalleryImageRow | null> {
  return findImage(ctx.db, input);
}
