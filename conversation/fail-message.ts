import type { MediaLinks } from '../image-service/index.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { MessageError, MessageRecord } from './message.js';
import type { ConversationStore } from './store/port.js';
import { transitionMessage } from './transition-message.js';

/**
 * Fail a message where it stands: the error records the stage it was in. A message already final
 * (or gone) is left as it is. Returns the failed message, or null when nothing changed.
 */
export async function failMessage(
  ctx: { store: ConversationStore; realtime: RealtimePublisher; links: MediaLinks },
  messageId: string,
  error: Omit<MessageError, 'stage'>,
  current?: MessageRecord,
  options: { releaseIdempotencyKey?: boolean } = {},
): Promise<MessageRecord | null> {
  const message = current ?? (await ctx.store.findMessage(messageId));
  if (!message) return null;
  return transitionMessage(
    ctx,
    messageId,
    { type: 'failed', error: { ...error, stage: message.stage }, releaseIdempotencyKey: options.releaseIdempotencyKey ?? false },
    message,
  );
}
