import { Conflict, NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import type { ItemResult } from './item-results.js';
import { selectImageStates, setFavorites as setRows } from './repository.js';

/**
 * Star (or unstar) many images in one statement, with the rules of {@link favoriteImage} and
 * {@link unfavoriteImage}, per image: NotFound when the user has no such image; to star, Conflict
 * when it is in the trash. Idempotent, like them.
 */
export async function setFavorites({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; ids: string[]; favorite: boolean };
}): Promise<ItemResult[]> {
  const states = await selectImageStates(ctx.db, { userId: input.userId, ids: input.ids });
  const allowed = input.ids.filter((id) => {
    const state = states.get(id);
    return state !== undefined && !(input.favorite && state.trashed);
  });
  await setRows(ctx.db, { userId: input.userId, ids: allowed, favorite: input.favorite, at: new Date() });
  return input.ids.map((id) => {
    const state = states.get(id);
    if (!state) return { id, error: new NotFound('image', id) };
    if (input.favorite && state.trashed) return { id, error: new Conflict(`image ${id} is in the trash: restore it first`) };
    return { id, error: null };
  });
}
