import type { GalleryContext } from './context.js';
import { selectLiveImageIds } from './repository.js';

/** Which of these images the user still has in the gallery (not in the trash, not deleted for good). */
export async function liveImageIds({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; ids: string[] };
}): Promise<Set<string>> {
  return selectLiveImageIds(ctx.db, input);
}
