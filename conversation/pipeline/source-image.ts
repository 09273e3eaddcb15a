import { findImageOf, liveImageIds } from '../../gallery/index.js';
import type { MessageImage, MessageRecord } from '../message.js';
import type { PipelineContext } from './context.js';

/** How many of a session's latest images are looked at for one still in the gallery. */
const CANDIDATES = 20;

/**
 * The image an edit or an enhance works on: the one the message names (`options.sourceImageId`,
 * any live image of the user's, from any session), else the latest image of the session before this message
 * that is still in the user's gallery. An image in the trash or deleted for good is passed over,
 * as the user took it away. Null when there is none.
 */
export async function sourceImageOf(
  ctx: Pick<PipelineContext, 'store' | 'gallery'>,
  message: MessageRecord,
): Promise<MessageImage | null> {
  if (message.options.sourceImageId !== undefined) return namedImage(ctx, message.userId, message.options.sourceImageId);
  const candidates = await ctx.store.recentImages({ sessionId: message.sessionId, beforeId: message.id, limit: CANDIDATES });
  if (candidates.length === 0) return null;
  const live = await liveImageIds({ ctx: ctx.gallery, input: { userId: message.userId, ids: candidates.map((image) => image.id) } });
  return candidates.find((image) => live.has(image.id)) ?? null;
}

/** The user's live image by id, as the image service reads it; null when gone, trashed, or not stored by us (external). */
async function namedImage(ctx: Pick<PipelineContext, 'gallery'>, userId: string, id: string): Promise<MessageImage | null> {
  const row = await findImageOf({ ctx: ctx.gallery, input: { userId, id } });
  if (!row || row.deletedAt !== null || row.storage === 'external' || row.storageKey === null) return null;
  return {
    id: row.id,
    storage: row.storage,
    storageKey: row.storageKey,
    url: row.url,
    thumbnailUrl: row.thumbnailUrl,
    width: row.width,
    height: row.height,
    format: row.format as MessageImage['format'],
    bytes: row.bytes ?? 0,
    provider: row.provider,
    model: row.model ?? '',
    seed: row.seed ?? 0,
    nsfw: row.isNsfw,
  };
}
