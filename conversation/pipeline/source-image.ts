import { liveImageIds } from '../../gallery/index.js';
import type { MessageImage, MessageRecord } from '../message.js';
import type { PipelineContext } from './context.js';

/** How many of a session's latest images are looked at for one still in the gallery. */
const CANDIDATES = 20;

/**
 * The image an edit or an enhance works on: the latest image of the session before this message
 * that is still in the user's gallery. An image in the trash or deleted for good is passed over,
 * as the user took it away. Null when there is none.
 */
export async function sourceImageOf(
  ctx: Pick<PipelineContext, 'store' | 'gallery'>,
  message: MessageRecord,
): Promise<MessageImage | null> {
  const candidates = await ctx.store.recentImages({ sessionId: message.sessionId, beforeId: message.id, limit: CANDIDATES });
  if (candidates.length === 0) return null;
  const live = await liveImageIds({ ctx: ctx.gallery, input: { userId: message.userId, ids: candidates.map((image) => image.id) } });
  return candidates.find((image) => live.has(image.id)) ?? null;
}
