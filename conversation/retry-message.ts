import { Conflict } from '../shared/errors.js';
import { stageJobId } from '../shared/queues.js';
import type { ConversationContext } from './context.js';
import { refundMessage } from './fail-message.js';
import { getMessage } from './get-message.js';
import { variationsOf, type MessageRecord } from './message.js';
import { stageDue, startNextTurn } from './pipeline/turns.js';
import { transitionMessage } from './transition-message.js';

/**
 * The owner retries their own FAILED message from the stage it failed in, as an admin retries a
 * dead letter (retry-dead-letter.ts): PENDING again, keeping its refinement or stored image, run
 * when it is its session's turn. Its quota unit was given back when it failed, so the retry takes
 * one again (none left: 429, and the message stays FAILED); should it fail again, it is given back again.
 */
export async function retryMessage({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'queues' | 'realtime' | 'links' | 'quota' | 'logger'>;
  input: { userId: string; orgId: string; sessionId: string; messageId: string };
}): Promise<MessageRecord> {
  const message = await getMessage({ ctx, input });
  if (message.status !== 'FAILED') throw new Conflict(`message ${message.id} is ${message.status}; only a FAILED message can be retried`);
  // Charged under the message's id, as when it was posted; the failure's refund took that record away.
  await ctx.quota.charge({ userId: input.userId, orgId: input.orgId, chargeId: message.id, units: variationsOf(message) });
  const requeued = await transitionMessage(ctx, message.id, { type: 'requeued' }, message);
  if (!requeued || requeued.status !== 'PENDING') {
    await refundMessage(ctx, message.id);
    throw new Conflict(`message ${message.id} changed while it was being retried; look again`);
  }
  // The failed job keeps its id; it must go before the same id can be enqueued again.
  const stage = stageDue(requeued);
  await ctx.queues[stage].remove(stageJobId(requeued.id, stage));
  await startNextTurn(ctx, requeued.sessionId);
  return requeued;
}
