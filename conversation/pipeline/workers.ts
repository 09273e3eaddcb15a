import { Worker, type Job, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PipelineStage, StageJob } from '../../shared/queues.js';
import type { PipelineContext } from './context.js';
import { finalizeStage } from './finalize-stage.js';
import { imageStage } from './image-stage.js';
import { refineStage } from './refine-stage.js';
import { reclaimActiveJobs } from './reclaim.js';
import { failLostMessage, recoverStalledMessages } from './recover.js';
import { runStage } from './run-stage.js';

export interface WorkerOptions {
  connection: Redis;
  prefix: string;
  /** Jobs each stage's worker runs at once. */
  concurrency: number;
  /** How long a job's lock lasts without renewal; a crashed worker's job is retried after it. Default 30 s. */
  lockDurationMs?: number;
  /** How often to look for messages whose jobs were lost, and how long idle counts as lost. */
  recovery?: { intervalMs: number; idleMs: number } | false;
  /**
   * This process owns its Redis (the embedded mode): jobs left active by a dead process are
   * taken back at start instead of after the stalled-job check (see reclaim.ts).
   */
  ownsRedis?: boolean;
}

export interface PipelineWorkers {
  /** Stop taking jobs, wait for running ones to finish, then close. */
  close(): Promise<void>;
}

const STAGE_WORK: Record<PipelineStage, (ctx: PipelineContext, job: Job<StageJob>) => Promise<void>> = {
  prompt: refineStage,
  image: imageStage,
  finalize: finalizeStage,
};

/** One BullMQ worker per stage, plus the periodic recovery of lost messages. */
export async function startPipelineWorkers(ctx: PipelineContext, options: WorkerOptions): Promise<PipelineWorkers> {
  if (options.ownsRedis) {
    const reclaimed = await reclaimActiveJobs(ctx.queues, options.connection);
    if (reclaimed > 0) ctx.logger.info({ reclaimed }, 'took back the jobs a stopped process left running');
  }
  const workers = (Object.keys(STAGE_WORK) as PipelineStage[]).map((stage) => {
    const processor: Processor<StageJob> = (job, token) => runStage(ctx, stage, job, token, () => STAGE_WORK[stage](ctx, job));
    const worker = new Worker<StageJob>(stage, processor, {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.lockDurationMs ?? 30_000,
      maxStalledCount: 2,
      // Never reached; a limiter must be set for a provider's 429 to pause the queue (queue.rateLimit).
      limiter: { max: 1_000_000_000, duration: 1000 },
    });
    worker.on('error', (error) => {
      // A Redis outage makes every worker report each failed command: the monitor logs it once.
      if (!ctx.outages.observe(error)) ctx.logger.error({ err: error, stage }, 'worker error');
    });
    worker.on('failed', (job, error) => {
      // The processor fails the message itself; a job that stalled too often never reached it.
      if (job && /stalled more than allowable limit/.test(error.message)) {
        failLostMessage(ctx, stage, job.data.messageId, 'the worker carrying it out stopped too many times').catch((err: unknown) =>
          ctx.logger.error({ err, messageId: job.data.messageId }, 'could not fail a stalled message'),
        );
      }
    });
    return worker;
  });

  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> = Promise.resolve();
  if (options.recovery !== false) {
    const recovery = options.recovery ?? { intervalMs: 60_000, idleMs: 60_000 };
    const sweep = () => {
      sweeping = recoverStalledMessages(ctx, { idleMs: recovery.idleMs, limit: 500 }).catch((err: unknown) => {
        if (!ctx.outages.observe(err)) ctx.logger.error({ err }, 'recovery sweep failed');
      });
    };
    sweep();
    timer = setInterval(sweep, recovery.intervalMs);
    timer.unref();
  }

  return {
    close: async () => {
      if (timer) clearInterval(timer);
      await sweeping;
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
