import { Conflict, NotFound } from '../shared/errors.js';
import { stageJobId } from '../shared/queues.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';
import { enqueueStage } from './pipeline/queues.js';
import { stageDue } from './pipeline/recover.js';
import { transitionMessage } from './transition-message.js';

/**
 * Retry a dead letter: the FAILED message goes back to PENDING and the stage it is due for is
 * enqueued again; what it already had (its refinement, a stored image) is kept, so it starts
 * where it stopped. The dead letter goes once the job is back in its queue.
 */
export async function retryDeadLetter({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'queues' | 'store' | 'realtime'>;
  input: { messageId: string };
}): Promise<MessageRecord> {
  const letter = await ctx.queues.deadLetters.getJob(input.messageId);
  if (!letter) throw new NotFound('dead letter', input.messageId);

  const message = await ctx.store.findMessage(input.messageId);
  if (!message) {
    await letter.remove();
    throw new NotFound('message', input.messageId);
  }
  if (message.status !== 'FAILED') throw new Conflict(`message ${message.id} is ${message.status}, not FAILED`);

  const requeued = await transitionMessage(ctx, message.id, { type: 'requeued' }, message);
  if (!requeued) throw new Conflict(`message ${message.id} changed while it was being retried; look again`);

  const stage = stageDue(requeued);
  // The failed job keeps its id; it must go before the same id can be enqueued again.
  await ctx.queues[stage].remove(stageJobId(requeued.id, stage));
  await enqueueStage(ctx.queues, stage, { messageId: requeued.id, sessionId: requeued.sessionId, userId: requeued.userId });
  await letter.remove();
  return requeued;
}
