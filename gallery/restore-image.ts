import { Conflict, NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { publishImageEvent } from './events.js';
import { findImage, restoreImage as restoreRow } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * Take an image out of the trash.
 * @throws NotFound when the user has no such image; Conflict when it is not in the trash.
 */
export async function restoreImage({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; id: string };
}): Promise<GalleryImageRow> {
  const restored = await restoreRow(ctx.db, { ...input, at: new Date() });
  if (restored) {
    publishImageEvent(ctx, 'restored', restored);
    return restored;
  }
  const existing = await findImage(ctx.db, input);
  if (!existing) throw new NotFound('image', input.id);
  throw new Conflict(`image ${input.id} is not in the trash`);
}
