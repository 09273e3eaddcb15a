import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { findImage, setFavorite } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * Unstar an image, live or in the trash (taking a mark away is always allowed). Idempotent.
 * @throws NotFound when the user has no such image.
 */
export async function unfavoriteImage({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; id: string };
}): Promise<GalleryImageRow> {
  const unstarred = await setFavorite(ctx.db, { ...input, favorite: false, at: new Date() });
  if (unstarred) return unstarred;
  const existing = await findImage(ctx.db, input);
  if (!existing) throw new NotFound('image', input.id);
  return existing;
}
