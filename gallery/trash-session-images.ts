import type { GalleryContext } from './context.js';
import { publishImageEvent } from './events.js';
import { softDeleteSessionImages } from './repository.js';

/**
 * Move the user's live images made in one chat session to the trash (the chat's "delete the
 * session and its images"): each can be restored from `/v1/gallery/deleted/` like any image
 * deleted on its own, and each sends its `gallery.image.deleted` event. Images already in the
 * trash stay as they are; another user's images are never touched. Returns how many moved.
 */
export async function trashSessionImages({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; sessionId: string };
}): Promise<number> {
  const trashed = await softDeleteSessionImages(ctx.db, { ...input, sessionId: input.sessionId.toLowerCase(), at: new Date() });
  for (const row of trashed) publishImageEvent(ctx, 'deleted', row);
  return trashed.length;
}
