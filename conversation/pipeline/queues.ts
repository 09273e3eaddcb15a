import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { STAGES, StageJob, stageJobId, type PipelineStage } from '../../shared/queues.js';
import { createDeadLetterQueue, type DeadLetter } from './dead-letters.js';

export type PipelineQueues = Record<PipelineStage, Queue<StageJob>> & {
  deadLetters: Queue<DeadLetter>;
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
  const deadLetters = createDeadLetterQueue(options.connection, options.prefix);
  return {
    ...queues,
    deadLetters,
    close: async () => {
      await Promise.all([...STAGES.map((stage) => queues[stage].close()), deadLetters.close()]);
    },
  };
}

/** Enqueue a message's stage. Idempotent: the job id is `{messageId}.{stage}`. */
export async function enqueueStage(queues: PipelineQueues, stage: PipelineStage, job: StageJob): Promise<void> {
  await queues[stage].add(stage, StageJob.parse(job), { jobId: stageJobId(job.messageId, stage) });
}
