import { Conflict } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { GalleryContext } from './context.js';
import { countAlbums, insertAlbum, type AlbumWithCount } from './album-repository.js';

/** Far more albums than a person keeps; a bound on what one account can make. */
export const MAX_ALBUMS_PER_USER = 1000;

/**
 * A new, empty album. Names need not be unique (two "Sketches" are two albums).
 * @throws Conflict when the user has {@link MAX_ALBUMS_PER_USER} albums already.
 */
export async function createAlbum({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; name: string };
}): Promise<AlbumWithCount> {
  // Counted, then inserted: a burst of concurrent creates can pass the bound by a few, which is
  // all a bound on storage needs.
  if ((await countAlbums(ctx.db, input.userId)) >= MAX_ALBUMS_PER_USER) {
    throw new Conflict(`you have ${MAX_ALBUMS_PER_USER} albums already, the most one user may have: delete one first`);
  }
  return insertAlbum(ctx.db, { id: newId(), userId: input.userId, name: input.name, at: new Date() });
}
