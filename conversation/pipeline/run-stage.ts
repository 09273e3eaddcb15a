import { UnrecoverableError, type Job } from 'bullmq';
import { toAppError } from '../../shared/errors.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal } from '../message.js';
import { failMessage } from '../fail-message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';

/**
 * Run a stage's work and decide what a failure means. A retryable error with attempts left is
 * shown on the message (`attempt_failed`) and rethrown, so BullMQ retries it with backoff. Any
 * other failure fails the message first, then the job, with `UnrecoverableError`: the message is
 * final before the job is, so a crash in between leaves a job that finds nothing left to do.
 */
export async function runStage(ctx: PipelineContext, job: Job<StageJob>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (thrown) {
    const error = toAppError(thrown);
    const message = await ctx.store.findMessage(job.data.messageId);
    if (!message || isFinal(message.status)) return; // deleted or finished meanwhile: nothing to retry for

    const attempt = job.attemptsMade + 1;
    const allowed = job.opts.attempts ?? 1;
    // An unexpected error's text can hold paths and internals: the client gets a plain sentence, the log the rest.
    const text = error.code === 'internal' ? 'an unexpected error stopped this step' : error.message;
    const failure = { code: error.code, message: text, stage: message.stage, retryable: error.retryable };
    if (!error.retryable || attempt >= allowed) {
      ctx.logger.warn({ messageId: message.id, stage: message.stage, code: error.code, attempt, err: thrown }, 'message failed');
      await failMessage(ctx, message.id, failure, message);
      throw new UnrecoverableError(error.message);
    }
    ctx.logger.info({ messageId: message.id, stage: message.stage, code: error.code, attempt }, 'stage attempt failed; retrying');
    await transitionMessage(ctx, message.id, { type: 'attempt_failed', error: failure }, message);
    throw thrown;
  }
}
