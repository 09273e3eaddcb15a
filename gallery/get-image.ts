import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findImage } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/** One of the user's images, live or in the trash (then `deletedAt` is set). */
export async function getImage({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; id: string };
}): Promise<GalleryImageRow> {
  const row = await findImage(ctx.db, input);
  if (!row) throw new NotFound('image', input.id);
  return row;
}
