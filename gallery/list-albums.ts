import type { Page } from '../shared/pagination.js';
import type { GalleryContext } from './context.js';
import { listAlbums as listRows, type AlbumWithCount } from './album-repository.js';

/** The user's albums, newest first, keyset paged, each with its image count. */
export async function listAlbums({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<AlbumWithCount>> {
  return listRows(ctx.db, input);
}
