import { stageJobId, type PipelineStage, type StageJob } from '../../shared/queues.js';
import type { MessageRecord } from '../message.js';
import { isFinal } from '../message.js';
import { failForGood } from './dead-letters.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';

/**
 * Find messages that stopped moving and set them going again, so none is left unfinished:
 * a message whose job was lost (Redis restarted empty, the process died between storing the
 * message and enqueueing it) gets its stage enqueued again, and one whose job failed without
 * the message being told is failed. Safe to run from every worker at once: enqueues are
 * deduplicated by job id and message updates are compare-and-set.
 */
export async function recoverStalledMessages(
  ctx: PipelineContext,
  options: { idleMs: number; limit: number },
): Promise<{ requeued: number; failed: number }> {
  const messages = await ctx.store.listUnfinished({ updatedBefore: new Date(Date.now() - options.idleMs), limit: options.limit });
  let requeued = 0;
  let failed = 0;
  for (const message of messages) {
    const stage = stageDue(message);
    const job = await ctx.queues[stage].getJob(stageJobId(message.id, stage));
    const state = job ? await job.getState() : 'missing';
    if (state === 'missing' || state === 'unknown') {
      await enqueueStage(ctx.queues, stage, { messageId: message.id, sessionId: message.sessionId, userId: message.userId });
      requeued += 1;
    } else if (state === 'failed') {
      const payload = { messageId: message.id, sessionId: message.sessionId, userId: message.userId };
      const moved = await failLostMessage(ctx, stage, payload, job?.failedReason || 'the job failed without finishing the message');
      if (moved) failed += 1;
    }
  }
  if (requeued + failed > 0) ctx.logger.warn({ requeued, failed }, 'recovered stalled messages');
  return { requeued, failed };
}

/** Fail a message whose job was lost or failed without telling it, leaving a dead letter. */
export async function failLostMessage(
  ctx: PipelineContext,
  stage: PipelineStage,
  payload: StageJob,
  reason: string,
): Promise<MessageRecord | null> {
  const message = await ctx.store.findMessage(payload.messageId);
  if (!message || isFinal(message.status)) return null;
  const error = { code: 'worker_lost', message: reason, stage: message.stage, retryable: true };
  return failForGood(ctx, { message, stage, payload, error, attempts: message.attempts });
}

/** The stage a message is waiting for, read from what it already has. */
export function stageDue(message: MessageRecord): PipelineStage {
  if (message.intent === null) return 'prompt';
  if (message.intent === 'chat' || message.image !== null) return 'finalize';
  return 'image';
}
