import { NotFound } from '../shared/errors.js';
import type { GalleryContext } from './context.js';
import { selectMessageImages } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * The image(s) one of the user's chat messages made, live or in the trash, oldest first.
 * NotFound when the user has none for it: a message of another user, one that made no image
 * (a chat reply, a failure), or one whose images were deleted for good all answer alike, so the
 * route tells no one whether someone else's message exists.
 */
export async function listMessageImages({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { userId: string; messageId: string };
}): Promise<GalleryImageRow[]> {
  const rows = await selectMessageImages(ctx.db, input);
  if (rows.length === 0) throw new NotFound('image of message', input.messageId);
  return rows;
}
