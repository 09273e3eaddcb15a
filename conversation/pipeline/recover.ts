import { stageJobId, type PipelineStage } from '../../shared/queues.js';
import { isFinal, type MessageRecord } from '../message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';
import { failForGood } from './run-stage.js';
import { claimNextTurn, stageDue } from './turns.js';

/**
 * Find sessions whose messages stopped moving and set them going again, so none is left
 * unfinished. For each session with a message idle longer than `idleMs`:
 * - the message holding its turn lost its job (Redis restarted empty, the process died between
 *   storing and enqueueing): the job is enqueued again;
 * - its job failed without the message being told: the message fails (`worker_lost`);
 * - nobody holds the turn, or a finished message does (a crash before it was handed on): it is
 *   handed on to the next message in line.
 * Safe to run from every worker at once: enqueues are deduplicated by job id, the turn is claimed
 * atomically and message updates are compare-and-set.
 */
export async function recoverStalledMessages(
  ctx: PipelineContext,
  options: { idleMs: number; limit: number },
): Promise<{ requeued: number; failed: number }> {
  const idle = await ctx.store.listUnfinished({ updatedBefore: new Date(Date.now() - options.idleMs), limit: options.limit });
  let requeued = 0;
  let failed = 0;
  for (const sessionId of new Set(idle.map((message) => message.sessionId))) {
    const holderId = await ctx.queues.turns.holder(sessionId);
    let holder = holderId ? await ctx.store.findMessage(holderId) : null;
    if (!holder || isFinal(holder.status)) {
      if (holderId) await ctx.queues.turns.release(sessionId, holderId);
      holder = await claimNextTurn(ctx, sessionId);
    }
    if (!holder) continue;
    const stage = stageDue(holder);
    const job = await ctx.queues[stage].getJob(stageJobId(holder.id, stage));
    const state = job ? await job.getState() : 'missing';
    if (state === 'missing' || state === 'unknown') {
      await enqueueStage(ctx.queues, stage, holder);
      requeued += 1;
    } else if (state === 'failed') {
      ctx.logger.warn({ messageId: holder.id, stage, reason: job?.failedReason }, 'a job failed without finishing its message');
      if (await failLostMessage(ctx, stage, holder.id, 'the job carrying it out failed without finishing it')) failed += 1;
    }
  }
  if (requeued + failed > 0) ctx.logger.warn({ requeued, failed }, 'recovered stalled messages');
  return { requeued, failed };
}

/** Fail a message whose job was lost or failed without telling it; the next message gets its turn. */
export async function failLostMessage(
  ctx: PipelineContext,
  stage: PipelineStage,
  messageId: string,
  reason: string,
): Promise<MessageRecord | null> {
  const message = await ctx.store.findMessage(messageId);
  if (!message || isFinal(message.status)) return null;
  ctx.logger.warn({ messageId, stage, reason }, 'message lost its worker');
  // `reason` is a sentence of ours: a job's raw failure text (SQL, paths) stays in the log.
  return failForGood(ctx, message, { code: 'worker_lost', message: reason, retryable: true });
}
