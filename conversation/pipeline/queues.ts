import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { STAGES, stageJobId, type PipelineStage, type StageJob } from '../../shared/queues.js';
import { createSessionTurns, type SessionTurns } from './turns.js';

export type PipelineQueues = Record<PipelineStage, Queue<StageJob>> & {
  /** Each session's turn (see turns.ts), kept beside the jobs. */
  turns: SessionTurns;
  /**
   * Whether the queues' Redis connection is up right now. Checked before a message is stored, so
   * a post during a Redis outage answers 503 at once and leaves nothing behind.
   */
  isConnected(): boolean;
  close(): Promise<void>;
};

export interface QueueOptions {
  connection: Redis;
  /** BullMQ key prefix; a test uses its own so files can share one Redis. */
  prefix: string;
  /** Tries per stage before the message fails. Default 3. */
  attempts: number;
  /** First retry delay; doubled each time, with jitter so retries of many messages spread out. */
  backoffMs: number;
}

const DAY_SECONDS = 24 * 3600;

/** One queue per stage, all with the same retry policy. */
export function createPipelineQueues(options: QueueOptions): PipelineQueues {
  const defaultJobOptions: JobsOptions = {
    attempts: options.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs, jitter: 0.5 },
    // Completed jobs are kept a day so their ids keep deduplicating late re-enqueues;
    // failed ones a week, to be looked at.
    removeOnComplete: { age: DAY_SECONDS, count: 50_000 },
    removeOnFail: { age: 7 * DAY_SECONDS },
  };
  const queues = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      new Queue<StageJob>(stage, { connection: options.connection, prefix: options.prefix, defaultJobOptions }),
    ]),
  ) as Record<PipelineStage, Queue<StageJob>>;
  return {
    ...queues,
    turns: createSessionTurns(options.connection, options.prefix),
    isConnected: () => options.connection.status === 'ready',
    close: async () => {
      await Promise.all(STAGES.map((stage) => queues[stage].close()));
    },
  };
}

/**
 * Enqueue a message's stage. Idempotent: the job id is `{messageId}.{stage}`. The job carries the
 * message id only: every stage reads the message itself, and a job's counters stay its own.
 */
export async function enqueueStage(queues: PipelineQueues, stage: PipelineStage, messageId: string): Promise<void> {
  await queues[stage].add(stage, { messageId }, { jobId: stageJobId(messageId, stage) });
}
