import { DelayedError, RateLimitError, UnrecoverableError, type Job } from 'bullmq';
import { ProviderError, ServiceUnavailable, toAppError, type AppError } from '../../shared/errors.js';
import type { PipelineStage, StageJob } from '../../shared/queues.js';
import { isFinal, type MessageError, type MessageRecord } from '../message.js';
import { failMessage } from '../fail-message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { endTurn } from './turns.js';

/** How often one job may wait out a provider's rate limit before the limit counts as a failure. */
export const MAX_RATE_LIMIT_WAITS = 10;
/** The pause when a provider says "too many requests" without saying for how long. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 5000;
/** How often one job may wait out an outage of our own infrastructure (about ten minutes in all). */
export const MAX_OUTAGE_WAITS = 25;
/** The waits for an outage: 1 s, doubling, at most 30 s. */
const OUTAGE_WAIT_MS = { first: 1000, max: 30_000 };

/**
 * Run a stage's work and decide what a failure means:
 *
 * - Our own infrastructure is not answering (the database, Redis, MongoDB): the job waits (is
 *   delayed) and runs again, without spending an attempt, up to {@link MAX_OUTAGE_WAITS} times.
 *   An outage is nobody's request failing; the message says nothing until it is over.
 * - The provider is rate limiting us (429): the whole queue pauses for its Retry-After and the
 *   job goes back to waiting without spending an attempt (up to {@link MAX_RATE_LIMIT_WAITS}).
 * - A retryable error with attempts left: shown on the message (`attempt_failed`) and rethrown,
 *   so BullMQ retries it with exponential backoff and jitter.
 * - Anything else: the message fails (it is then a dead letter an operator can retry), then the
 *   job, with `UnrecoverableError`, and the session's next message gets its turn. The message is
 *   final before the job is, so a crash in between leaves a job that finds nothing left to do.
 */
export async function runStage(
  ctx: PipelineContext,
  stage: PipelineStage,
  job: Job<StageJob>,
  token: string | undefined,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (thrown) {
    const error = toAppError(thrown);
    const outageWaits = (job.data.outageWaits ?? 0) + 1;
    if (error instanceof ServiceUnavailable && error.dependency && token && outageWaits <= MAX_OUTAGE_WAITS) {
      const waitMs = Math.min(OUTAGE_WAIT_MS.max, OUTAGE_WAIT_MS.first * 2 ** (outageWaits - 1));
      ctx.outages.report(error.dependency, thrown);
      await job.updateData({ ...job.data, outageWaits });
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    const message = await ctx.store.findMessage(job.data.messageId);
    if (!message || isFinal(message.status)) return; // deleted or finished meanwhile: nothing to retry for
    await handleFailure(ctx, stage, job, message, error, thrown);
  }
}

async function handleFailure(
  ctx: PipelineContext,
  stage: PipelineStage,
  job: Job<StageJob>,
  message: MessageRecord,
  error: AppError,
  thrown: unknown,
): Promise<never> {
  // An unexpected error's text can hold paths and internals: the client gets a plain sentence, the log the rest.
  const text = error.code === 'internal' ? 'an unexpected error stopped this step' : error.message;
  const failure: MessageError = { code: error.code, message: text, stage: message.stage, retryable: error.retryable };
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
    await failForGood(ctx, message, failure);
    throw new UnrecoverableError(error.message);
  }
  ctx.logger.info(log, 'stage attempt failed; retrying');
  await transitionMessage(ctx, message.id, { type: 'attempt_failed', error: failure }, message);
  throw thrown;
}

/**
 * Fail a message for good, then give its session's turn to the next message: a failed message
 * never holds up the ones after it. The FAILED message is its own dead letter (see
 * list-dead-letters.ts): nothing about it lives only in Redis.
 */
export async function failForGood(
  ctx: Pick<PipelineContext, 'store' | 'realtime' | 'queues' | 'links' | 'quota' | 'logger'>,
  message: MessageRecord,
  error: Omit<MessageError, 'stage'>,
): Promise<MessageRecord | null> {
  const failed = await failMessage(ctx, message.id, error, message);
  await endTurn(ctx, message);
  return failed;
}
