/** The limits service's public face: rate limits, the login guard and the image quota. */
export type { LimitsContext } from './context.js';
export { createRateLimit, type RateLimit, type RateLimitOutcome, type RateLimitPolicy } from './rate-limits.js';
export { createLoginGuard, type LoginGuard, type LoginOutcome } from './login-guard.js';
export { createQuota } from './quota.js';
export { chargeQuota } from './charge-quota.js';
export { refundQuota } from './refund-quota.js';
export { getQuotaUsage } from './get-quota-usage.js';
export { createLimits, type Limits } from './limits.js';
