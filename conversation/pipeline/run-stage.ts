import { RateLimitError, UnrecoverableError, type Job } from 'bullmq';
import { ProviderError, toAppError } from '../../shared/errors.js';
import type { PipelineStage, StageJob } from '../../shared/queues.js';
import { isFinal } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { failForGood } from './dead-letters.js';

/** How often one job may wait out a provider's rate limit before the limit counts as a failure. */
export const MAX_RATE_LIMIT_WAITS = 10;
/** The pause when a provider says "too many requests" without saying for how long. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 5000;

/**
 * Run a stage's work and decide what a failure means:
 *
 * - The provider is rate limiting us (429): the whole queue pauses for its Retry-After and the
 *   job goes back to waiting without spending an attempt (up to {@link MAX_RATE_LIMIT_WAITS}).
 * - A retryable error with attempts left: shown on the message (`attempt_failed`) and rethrown,
 *   so BullMQ retries it with exponential backoff and jitter.
 * - Anything else: a dead letter is recorded and the message fails, then the job, with
 *   `UnrecoverableError`. The message is final before the job is, so a crash in between leaves a
 *   job that finds nothing left to do.
 */
export async function runStage(
  ctx: PipelineContext,
  stage: PipelineStage,
  job: Job<StageJob>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (thrown) {
    const error = toAppError(thrown);
    const message = await ctx.store.findMessage(job.data.messageId);
    if (!message || isFinal(message.status)) return; // deleted or finished meanwhile: nothing to retry for

    // An unexpected error's text can hold paths and internals: the client gets a plain sentence, the log the rest.
    const text = error.code === 'internal' ? 'an unexpected error stopped this step' : error.message;
    const failure = { code: error.code, message: text, stage: message.stage, retryable: error.retryable };
    const attempt = job.attemptsMade + 1;
    const log = { messageId: message.id, stage: message.stage, code: error.code, attempt };

    const waits = (job.data.rateLimitWaits ?? 0) + 1;
    if (error instanceof ProviderError && error.kind === 'rate_limited' && waits <= MAX_RATE_LIMIT_WAITS) {
      const pauseMs = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_PAUSE_MS;
      ctx.logger.warn({ ...log, pauseMs }, 'provider rate limit: pausing the queue');
      await job.updateData({ ...job.data, rateLimitWaits: waits });
      await transitionMessage(
        ctx,
        message.id,
        { type: 'attempt_failed', error: { ...failure, message: `${text} (waiting ${Math.ceil(pauseMs / 1000)} s)` } },
        message,
      );
      await ctx.queues[stage].rateLimit(pauseMs);
      throw new RateLimitError();
    }

    if (!error.retryable || attempt >= (job.opts.attempts ?? 1)) {
      ctx.logger.warn({ ...log, err: thrown }, 'message failed');
      await failForGood(ctx, { message, stage, payload: job.data, error: failure, attempts: attempt });
      throw new UnrecoverableError(error.message);
    }
    ctx.logger.info(log, 'stage attempt failed; retrying');
    await transitionMessage(ctx, message.id, { type: 'attempt_failed', error: failure }, message);
    throw thrown;
  }
}
