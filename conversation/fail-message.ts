import type { MediaLinks } from '../image-service/index.js';
import type { Logger } from '../shared/logger.js';
import type { DomainEventSink } from '../shared/domain-events.js';
import type { FinalHook } from './transition-message.js';
import type { QuotaPort } from '../shared/quota.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { MessageError, MessageRecord } from './message.js';
import type { ConversationStore } from './store/port.js';
import { transitionMessage } from './transition-message.js';

/**
 * Fail a message where it stands: the error records the stage it was in. A message already final
 * (or gone) is left as it is. Returns the failed message, or null when nothing changed.
 *
 * Every way a message fails comes here (a stage failing for good, a lost worker, a pipeline that
 * could not start, a blocked prompt), so here it gives back the quota unit it was charged when
 * posted: once, whoever fails it and however often (the refund takes the charge's record).
 */
export async function failMessage(
  ctx: { store: ConversationStore; realtime: RealtimePublisher; links: MediaLinks; quota: QuotaPort; logger: Logger; onEvent?: DomainEventSink | undefined; onFinal?: FinalHook | undefined },
  messageId: string,
  error: Omit<MessageError, 'stage'>,
  current?: MessageRecord,
  options: { releaseIdempotencyKey?: boolean } = {},
): Promise<MessageRecord | null> {
  const message = current ?? (await ctx.store.findMessage(messageId));
  if (!message) return null;
  const failed = await transitionMessage(
    ctx,
    messageId,
    { type: 'failed', error: { ...error, stage: message.stage }, releaseIdempotencyKey: options.releaseIdempotencyKey ?? false },
    message,
  );
  if (failed?.status === 'FAILED') await refundMessage(ctx, messageId);
  return failed;
}

/**
 * Give back a message's quota unit. Redis away: the unit stays spent (until the day resets) and
 * the failure goes on; the message's end matters more than the count.
 */
export async function refundMessage(ctx: { quota: QuotaPort; logger: Logger }, messageId: string): Promise<void> {
  await ctx.quota.refund(messageId).catch((error: unknown) => {
    ctx.logger.warn({ err: error, messageId }, 'could not give back the quota unit of a failed message');
  });
}
