import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DomainEventType } from '../shared/domain-events.js';

/** The queue (and the job name) of webhook deliveries. */
export const WEBHOOK_QUEUE = 'webhook';

/**
 * Tries per delivery. With the first retry after WEBHOOK_BACKOFF_MS (5 s) and each next one
 * twice as late, the 14 retries span 5 s × (2^14 − 1) ≈ 22.8 hours: about a day.
 */
export const DELIVERY_ATTEMPTS = 15;

/** One event for one endpoint. The body is built from it anew on each attempt (a new timestamp, the same id). */
export interface DeliveryJob {
  /** The `webhook-id`: the same for every endpoint and every attempt of one event. */
  eventId: string;
  endpointId: string;
  type: DomainEventType;
  /** When it happened (ISO 8601): the body's `timestamp`. */
  occurredAt: string;
  data: unknown;
}

/** `{eventId}.{endpointId}`: enqueueing the same event for the same endpoint twice is a no-op. */
export function deliveryJobId(eventId: string, endpointId: string): string {
  return `${eventId}.${endpointId}`;
}

const DAY_SECONDS = 24 * 3600;

export function createWebhookQueue(options: { connection: Redis; prefix: string; backoffMs: number }): Queue<DeliveryJob> {
  const defaultJobOptions: JobsOptions = {
    attempts: DELIVERY_ATTEMPTS,
    // Jitter, so the retries of many deliveries to one receiver that was down spread out.
    backoff: { type: 'exponential', delay: options.backoffMs, jitter: 0.2 },
    removeOnComplete: { age: DAY_SECONDS, count: 50_000 },
    removeOnFail: { age: 7 * DAY_SECONDS },
  };
  return new Queue<DeliveryJob>(WEBHOOK_QUEUE, { connection: options.connection, prefix: options.prefix, defaultJobOptions });
}
