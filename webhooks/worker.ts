import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WebhooksContext } from './context.js';
import { attemptDelivery } from './deliver.js';
import { WEBHOOK_QUEUE, type DeliveryJob } from './queue.js';

export interface WebhookWorker {
  /** Stop taking deliveries, let running attempts finish (each is bounded by WEBHOOK_TIMEOUT_MS), then close. */
  close(): Promise<void>;
}

/**
 * The worker that sends webhooks, run beside the pipeline's. An attempt that is not delivered
 * throws, so BullMQ retries it after the queue's exponential backoff, until its attempts are spent.
 */
export function startWebhookWorker(
  ctx: WebhooksContext,
  options: { connection: Redis; prefix: string; concurrency: number; onError: (error: unknown) => boolean },
): WebhookWorker {
  const worker = new Worker<DeliveryJob>(
    WEBHOOK_QUEUE,
    async (job) => {
      const { outcome, error } = await attemptDelivery({ ctx, input: { job: job.data, attempt: job.attemptsMade + 1 } });
      if (outcome === 'retry') throw new Error(error ?? 'not delivered');
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency },
  );
  worker.on('error', (error) => {
    // A Redis outage makes the worker report each failed command: the monitor logs it once.
    if (!options.onError(error)) ctx.logger.error({ err: error }, 'webhook worker error');
  });
  return { close: () => worker.close() };
}
