import { eq } from 'drizzle-orm';
import { organisations, users } from '../identity/index.js';
import type { LimitsContext } from './context.js';

/** How many images a user may make a day and their organisation a month. */
export interface QuotaLimits {
  daily: number;
  monthly: number;
}

/**
 * The user's own `daily_quota` and the organisation's `monthly_quota` where an admin set one,
 * else the instance's defaults (USER_DAILY_QUOTA, ORG_MONTHLY_QUOTA). Read on every charge, in
 * one statement, so a change holds at once on every gateway.
 */
export async function quotaLimits(ctx: LimitsContext, userId: string, orgId: string): Promise<QuotaLimits> {
  const [row] = await ctx.db
    .select({ daily: users.dailyQuota, monthly: organisations.monthlyQuota })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, orgId))
    .where(eq(users.id, userId));
  return {
    daily: row?.daily ?? ctx.config.userDailyQuota,
    monthly: row?.monthly ?? ctx.config.orgMonthlyQuota,
  };
}
