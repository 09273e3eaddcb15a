import type { ConversationContext } from './context.js';
import type { DeadLetter } from './pipeline/dead-letters.js';

/** Dead letters, newest first, `offset`/`limit` paged (an operator's list, not a client's). */
export async function listDeadLetters({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'queues'>;
  input: { limit: number; offset: number };
}): Promise<{ items: DeadLetter[]; total: number }> {
  const queue = ctx.queues.deadLetters;
  const [jobs, total] = await Promise.all([
    queue.getWaiting(input.offset, input.offset + input.limit - 1),
    queue.getWaitingCount(),
  ]);
  return { items: jobs.filter((job) => job !== undefined).map((job) => job.data), total };
}
