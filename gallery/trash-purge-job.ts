import { Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { GalleryContext } from './context.js';
import { purgeExpiredTrash, type PurgeResult } from './purge-trash.js';

/** The queue of the retention purge; its one scheduled job is {@link PURGE_SCHEDULER_ID}. */
export const TRASH_PURGE_QUEUE = 'gallery-trash-purge';
/** The job scheduler's id: upserted at every start, so there is one schedule however many workers start. */
export const PURGE_SCHEDULER_ID = 'trash-retention';
/** How often the purge runs: an image leaves the trash at most this long after its time is up. */
export const PURGE_EVERY_MS = 3600 * 1000;

export interface TrashPurge {
  /** Run the purge now (a one-off job beside the schedule) and wait for its result. Tests and operators. */
  runNow(): Promise<PurgeResult>;
  /** Stop taking purges, let a running one finish, then close. */
  close(): Promise<void>;
}

export interface TrashPurgeOptions {
  connection: Redis;
  prefix: string;
  /** How often; default {@link PURGE_EVERY_MS}. */
  everyMs?: number;
  /** The clock the purge judges ages by (tests move it); default the wall clock. */
  now?: () => Date;
  /** Told of each worker error; returns whether it handled (logged) it, as the outage monitor does. */
  onError: (error: unknown) => boolean;
}

/**
 * The retention purge as a repeatable BullMQ job, started with the other workers: a job scheduler
 * (`upsertJobScheduler`, every hour) adds one purge job at a time to its own queue, whichever
 * worker process takes it runs {@link purgeExpiredTrash}, and concurrency 1 keeps purges from
 * overlapping within a process (across processes, the batches' `skip locked` keeps them apart).
 */
export async function startTrashPurge(ctx: GalleryContext, options: TrashPurgeOptions): Promise<TrashPurge> {
  const now = options.now ?? (() => new Date());
  const { connection, prefix } = options;
  const queue = new Queue(TRASH_PURGE_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 }, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  });
  const worker = new Worker<unknown, PurgeResult>(TRASH_PURGE_QUEUE, async () => purgeExpiredTrash({ ctx, input: { now: now() } }), {
    connection,
    prefix,
    concurrency: 1,
  });
  worker.on('error', (error) => {
    if (!options.onError(error)) ctx.logger.error({ err: error }, 'trash purge worker error');
  });
  worker.on('failed', (job, error) => ctx.logger.warn({ err: error, jobId: job?.id }, 'trash purge failed; it runs again'));
  await queue.upsertJobScheduler(PURGE_SCHEDULER_ID, { every: options.everyMs ?? PURGE_EVERY_MS }, { name: 'purge' });

  let events: QueueEvents | undefined;
  let eventsConnection: Redis | undefined;
  return {
    runNow: async () => {
      // Listening before adding: a purge quicker than the subscription is still seen finishing.
      // Its own connection: QueueEvents blocks on it.
      eventsConnection ??= connection.duplicate();
      events ??= new QueueEvents(TRASH_PURGE_QUEUE, { connection: eventsConnection, prefix });
      await events.waitUntilReady();
      const job = await queue.add('purge-now', {});
      return (await job.waitUntilFinished(events)) as PurgeResult;
    },
    close: async () => {
      await worker.close();
      await events?.close();
      await eventsConnection?.quit().catch(() => undefined);
      await queue.close();
    },
  };
}
