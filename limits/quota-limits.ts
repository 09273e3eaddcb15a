import { readQuotaOverrides } from '../identity/index.js';
import type { LimitsContext } from './context.js';

/** How many images a user may make a day and their organisation a month. */
export interface QuotaLimits {
  daily: number;
  monthly: number;
}

/**
 * How long a user's limits, once read, are reused by this process. They change only when an admin
 * changes them, and reading them on every post was a database round trip on the accept path;
 * so an admin's change holds within this time on every gateway.
 */
export const QUOTA_LIMITS_TTL_MS = 5000;
const CACHE_LIMIT = 10_000;

/** Per limits context (one per system), so two systems in one process (tests) never share limits. */
const caches = new WeakMap<LimitsContext, Map<string, { limits: QuotaLimits; readAtMs: number }>>();

/**
 * The user's own `daily_quota` and the organisation's `monthly_quota` where an admin set one,
 * else the instance's defaults (USER_DAILY_QUOTA, ORG_MONTHLY_QUOTA): read in one statement, then
 * reused for {@link QUOTA_LIMITS_TTL_MS}.
 */
export async function quotaLimits(ctx: LimitsContext, userId: string, orgId: string): Promise<QuotaLimits> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const key = `${userId} ${orgId}`;
  const cached = cache.get(key);
  const now = Date.now();
  if (cached && cached.readAtMs > now - QUOTA_LIMITS_TTL_MS) return cached.limits;

  const overrides = await readQuotaOverrides({ ctx, input: { userId, orgId } });
  const limits = {
    daily: overrides.daily ?? ctx.config.userDailyQuota,
    monthly: overrides.monthly ?? ctx.config.orgMonthlyQuota,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, { limits, readAtMs: now });
  return limits;
}
