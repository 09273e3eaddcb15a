import type { LimitsConfig } from '../shared/config.js';
import type { Database } from '../shared/connections/postgres.js';
import type { Redis } from '../shared/connections/redis.js';
import type { Logger } from '../shared/logger.js';

/** What the limits service needs; built once at start by the gateway. */
export interface LimitsContext {
  /** The command connection: it fails fast while Redis is away, so no request waits on a limit. */
  redis: Redis;
  /** The identity tables, for a user's and an organisation's own quota. */
  db: Database;
  config: LimitsConfig;
  /** Every key starts with it (QUEUE_PREFIX): systems sharing one Redis never share counters. */
  keyPrefix: string;
  logger: Logger;
}
