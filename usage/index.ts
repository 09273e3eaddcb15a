/** The usage service's public face: the rollup of finished messages, and the reports read from it (docs/usage.md). */
export type { UsageContext } from './context.js';
export { migrateUsage } from './migrate.js';
export { usageDaily, usageRecorded } from './schema.js';
export { costOf, DEFAULT_PRICES, estimateCost, priceOf, priceTable } from './prices.js';
export { recordMessageUsage, type FinishedMessage } from './record-message-usage.js';
export { getUsage, getOrgUsageReport, GROUP_BYS, type GroupBy, type UsageReport, type OrgUsageReport } from './get-usage.js';
export { registerMyUsage, registerOrgUsageReport } from './routes/usage.js';
