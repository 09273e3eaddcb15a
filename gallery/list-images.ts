import type { Page } from '../shared/pagination.js';
import { getAlbum } from './get-album.js';
import type { GalleryContext } from './context.js';
import { listImages as listLive } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * The user's gallery (not the trash), newest first, keyset paged; with `isNsfw`, only the images
 * moderation flagged (or only the others); with `favorite`, only the favorites (or only the
 * others); with `albumId`, only that album's images. A cursor we did not issue is a
 * ValidationFailed; an album that is not the user's a NotFound.
 */
export async function listImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: {
    userId: string;
    limit: number;
    cursor?: string | undefined;
    isNsfw?: boolean | undefined;
    favorite?: boolean | undefined;
    albumId?: string | undefined;
  };
}): Promise<Page<GalleryImageRow>> {
  if (input.albumId !== undefined) await getAlbum({ ctx, input: { userId: input.userId, id: input.albumId } });
  return listLive(ctx.db, input);
}
