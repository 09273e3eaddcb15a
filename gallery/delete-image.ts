import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { publishImageEvent } from './events.js';
import { findImage, softDeleteImage } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * Move an image to the trash (`deletedAt` set; its file stays, so it can be restored).
 * Idempotent: deleting an image already in the trash returns it unchanged, keeping its original
 * `deletedAt` and sending no second event, so a client retrying a lost response sees success.
 * @throws NotFound when the user has no such image.
 */
export async function deleteImage({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; id: string };
}): Promise<GalleryImageRow> {
  const deleted = await softDeleteImage(ctx.db, { ...input, at: new Date() });
  if (deleted) {
    publishImageEvent(ctx, 'deleted', deleted);
    return deleted;
  }
  const existing = await findImage(ctx.db, input);
  if (!existing) throw new NotFound('image', input.id);
  return existing;
}
