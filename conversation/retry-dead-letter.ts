import { Conflict, NotFound } from '../shared/errors.js';
import { stageJobId } from '../shared/queues.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';
import { stageDue, startNextTurn } from './pipeline/turns.js';
import { transitionMessage } from './transition-message.js';

/**
 * Retry a dead letter (a FAILED message): it goes back to PENDING, keeping what it had (its
 * refinement, a stored image), and starts from the stage it is due for when it is its session's
 * turn again. For an organisation's admins: another organisation's message is not found.
 */
export async function retryDeadLetter({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'queues' | 'store' | 'realtime' | 'links'>;
  input: { orgId: string; messageId: string };
}): Promise<MessageRecord> {
  const message = await ctx.store.findMessage(input.messageId);
  // Only a FAILED message of the admin's organisation is one of their dead letters.
  if (!message || message.status !== 'FAILED' || message.orgId !== input.orgId) throw new NotFound('dead letter', input.messageId);
  const requeued = await transitionMessage(ctx, message.id, { type: 'requeued' }, message);
  if (!requeued) throw new Conflict(`message ${message.id} changed while it was being retried; look again`);

  // The failed job keeps its id; it must go before the same id can be enqueued again.
  const stage = stageDue(requeued);
  await ctx.queues[stage].remove(stageJobId(requeued.id, stage));
  await startNextTurn(ctx, requeued.sessionId);
  return requeued;
}
