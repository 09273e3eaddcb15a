import { Conflict, NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findImage, setFavorite } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * Star an image. Idempotent: a favorite stays one, keeping the time it was first starred.
 * @throws NotFound when the user has no such image; Conflict when it is in the trash (restore it first).
 */
export async function favoriteImage({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; id: string };
}): Promise<GalleryImageRow> {
  const starred = await setFavorite(ctx.db, { ...input, favorite: true, at: new Date() });
  if (starred) return starred;
  const existing = await findImage(ctx.db, input);
  if (!existing) throw new NotFound('image', input.id);
  if (existing.deletedAt) throw new Conflict(`image ${input.id} is in the trash: restore it first`);
  return existing;
}
