import type { QuotaUsage, QuotaWindow } from '../shared/quota.js';
import type { LimitsContext } from './context.js';
import { quotaPeriods } from './periods.js';
import { quotaKeys } from './quota-keys.js';
import { quotaLimits } from './quota-limits.js';

/** What the user has used of their day and their organisation of its month, and what is left. */
export async function getQuotaUsage({ ctx, input }: { ctx: LimitsContext; input: { userId: string; orgId: string } }): Promise<QuotaUsage> {
  const periods = quotaPeriods(new Date());
  const [limits, counts] = await Promise.all([
    quotaLimits(ctx, input.userId, input.orgId),
    ctx.redis.mget(quotaKeys.userDay(ctx.keyPrefix, input.userId, periods), quotaKeys.orgMonth(ctx.keyPrefix, input.orgId, periods)),
  ]);
  return {
    daily: quotaWindow(limits.daily, counts[0], periods.dayResetsAt),
    monthly: quotaWindow(limits.monthly, counts[1], periods.monthResetsAt),
  };
}

function quotaWindow(limit: number, count: string | null | undefined, resetsAt: Date): QuotaWindow {
  const used = Number(count ?? 0);
  return { limit, used, remaining: Math.max(0, limit - used), resetsAt };
}
