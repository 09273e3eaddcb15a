import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { buildExport } from './build-export.js';
import type { ExportsContext } from './context.js';
import { expireExport } from './expire-export.js';
import { EXPORT_QUEUE, type ExportJob, type ExportJobName } from './queue.js';

export interface ExportWorker {
  /** Stop taking jobs, let a running build finish, then close. */
  close(): Promise<void>;
}

/**
 * The worker that builds and expires exports, run beside the pipeline's and the webhooks'.
 * One job at a time per process by default: a build is long and heavy on CPU (sharp), and must
 * not starve the pipeline's stages of the same process.
 */
export function startExportWorker(
  ctx: ExportsContext,
  options: { connection: Redis; prefix: string; concurrency?: number; lockDurationMs?: number; onError: (error: unknown) => boolean },
): ExportWorker {
  const worker = new Worker<ExportJob, void, ExportJobName>(
    EXPORT_QUEUE,
    async (job) => {
      const { exportId, userId } = job.data;
      if (job.name === 'expire') return expireExport({ ctx, input: { exportId, userId } });
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return buildExport({ ctx, input: { exportId, userId, isLastAttempt } });
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 1,
      ...(options.lockDurationMs !== undefined && { lockDuration: options.lockDurationMs }),
    },
  );
  worker.on('error', (error) => {
    if (!options.onError(error)) ctx.logger.error({ err: error }, 'export worker error');
  });
  return { close: () => worker.close() };
}
