import type { Queue } from 'bullmq';
import type { Database } from '../shared/connections/postgres.js';
import type { Logger } from '../shared/logger.js';
import type { DeliveryJob } from './queue.js';

/** What the webhooks' use cases, routes and worker need; built once at start by the gateway. */
export interface WebhooksContext {
  db: Database;
  /** Where deliveries wait their turn (and their retries). */
  queue: Queue<DeliveryJob>;
  logger: Logger;
  /** WEBHOOK_ALLOW_PRIVATE: endpoints on private, loopback or link-local addresses are allowed. */
  allowPrivate: boolean;
  /** WEBHOOK_TIMEOUT_MS: one attempt's limit, answer included. */
  timeoutMs: number;
}
