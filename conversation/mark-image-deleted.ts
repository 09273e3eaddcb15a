import type { ConversationContext } from './context.js';
import { transitionMessage } from './transition-message.js';

/**
 * The gallery deleted a message's image for good: the message keeps saying what it made, but
 * no longer links to a file that is gone (`image_deleted_at` is set, `image_url` is null), and
 * its subscribers hear of it. A message that is gone or made another image is left alone.
 */
export async function markImageDeleted({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'realtime' | 'links'>;
  input: { messageId: string; imageId: string };
}): Promise<void> {
  await transitionMessage(ctx, input.messageId, { type: 'image_deleted', imageId: input.imageId });
}
