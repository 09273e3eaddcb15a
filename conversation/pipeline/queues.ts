import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Lane } from '../../shared/principal.js';
import { STAGES, stageJobId, type PipelineStage, type StageJob } from '../../shared/queues.js';
import type { MessageRecord } from '../message.js';
import { DEFAULT_HIGH_LEAD_SECONDS, stagePriority } from './lanes.js';
import { createSessionTurns, type SessionTurns } from './turns.js';

export type PipelineQueues = Record<PipelineStage, Queue<StageJob>> & {
  /** Each session's turn (see turns.ts), kept beside the jobs. */
  turns: SessionTurns;
  /**
   * Whether the queues' Redis connection is up right now. Checked before a message is stored, so
   * a post during a Redis outage answers 503 at once and leaves nothing behind.
   */
  isConnected(): boolean;
  /** The BullMQ priority a stage job of a message in `lane` gets if enqueued now (see lanes.ts). */
  priorityOf(lane: Lane): number;
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
  /** How far ahead of the normal lane the high lane goes, in seconds (see lanes.ts). Default 60. */
  highLeadSeconds?: number;
  /** The time priorities are computed from (ms since the epoch). Default `Date.now`; a test sets its own. */
  clock?: () => number;
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
  const { clock = Date.now, highLeadSeconds = DEFAULT_HIGH_LEAD_SECONDS } = options;
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
    priorityOf: (lane) => stagePriority(lane, clock(), highLeadSeconds),
    close: async () => {
      await Promise.all(STAGES.map((stage) => queues[stage].close()));
    },
  };
}

/**
 * Enqueue a message's stage, in the message's lane. Idempotent: the job id is
 * `{messageId}.{stage}`. The job carries the message id only: every stage reads the message
 * itself, and a job's counters stay its own.
 */
export async function enqueueStage(
  queues: PipelineQueues,
  stage: PipelineStage,
  message: Pick<MessageRecord, 'id' | 'lane'>,
): Promise<void> {
  await queues[stage].add(
    stage,
    { messageId: message.id },
    { jobId: stageJobId(message.id, stage), priority: queues.priorityOf(message.lane) },
  );
}
