import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PipelineStage, StageJob } from '../../shared/queues.js';
import { failMessage } from '../fail-message.js';
import type { MessageRecord } from '../message.js';
import type { PipelineContext } from './context.js';

/**
 * Dead letters: a message that failed for good leaves a record of the job that failed it (its
 * payload, the error, the attempts) in a queue no worker takes from. An operator lists them and
 * retries them (conversation/retry-dead-letter.ts) once the cause is fixed. They live in Redis,
 * beside the jobs, so they work the same whether conversations are in Postgres or MongoDB.
 */
export const DEAD_LETTER_QUEUE = 'dead-letters';

export interface DeadLetter {
  messageId: string;
  sessionId: string;
  userId: string;
  stage: PipelineStage;
  /** The failed job's id and payload, as BullMQ held them. */
  jobId: string;
  payload: StageJob;
  error: { code: string; message: string; retryable: boolean };
  attempts: number;
  failedAt: string;
}

export function createDeadLetterQueue(connection: Redis, prefix: string): Queue<DeadLetter> {
  return new Queue<DeadLetter>(DEAD_LETTER_QUEUE, { connection, prefix });
}

/**
 * Record the dead letter, then fail the message. In that order: a crash between the two leaves a
 * job that runs again and a dead letter that says why it was stopped, never a FAILED message
 * with no record. One dead letter per message (its id is the message id).
 */
export async function failForGood(
  ctx: Pick<PipelineContext, 'store' | 'realtime' | 'queues'>,
  input: {
    message: MessageRecord;
    stage: PipelineStage;
    payload: StageJob;
    error: { code: string; message: string; retryable: boolean };
    attempts: number;
  },
): Promise<MessageRecord | null> {
  const { message, stage, payload, error, attempts } = input;
  const letter: DeadLetter = {
    messageId: message.id,
    sessionId: message.sessionId,
    userId: message.userId,
    stage,
    jobId: `${message.id}.${stage}`,
    payload,
    error,
    attempts,
    failedAt: new Date().toISOString(),
  };
  await ctx.queues.deadLetters.add(stage, letter, { jobId: message.id });
  return failMessage(ctx, message.id, error, message);
}
