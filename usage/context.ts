import type { Database } from '../shared/connections/postgres.js';
import type { Logger } from '../shared/logger.js';
import type { PriceTable } from '../shared/usage.js';

/** What the usage service's use cases and routes need, built once at start. */
export interface UsageContext {
  db: Database;
  /** The default prices with PRICE_TABLE over them (usage/prices.ts). */
  prices: PriceTable;
  logger: Logger;
}
