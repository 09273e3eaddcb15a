import { TooManyRequests } from '../shared/errors.js';
import type { LimitsContext } from './context.js';
import { quotaPeriods } from './periods.js';
import { CHARGE_RECORD_TTL_S, COUNTER_GRACE_S, quotaKeys } from './quota-keys.js';
import { quotaLimits } from './quota-limits.js';

/**
 * Check and take in one step, inside Redis (a script runs alone), so a burst of concurrent
 * posts gets exactly the units left and not one more, on any number of gateways.
 * KEYS: the user's day counter, the organisation's month counter, the charge record.
 * ARGV: the day's limit, the month's limit, when each counter expires (unix s), the record's TTL.
 * Returns {taken (1/0), the day's count, the month's count}; a charge id already recorded takes
 * nothing and answers as taken.
 */
const CHARGE_SCRIPT = `
if redis.call('exists', KEYS[3]) == 1 then return {1, -1, -1} end
local day = tonumber(redis.call('get', KEYS[1]) or '0')
local month = tonumber(redis.call('get', KEYS[2]) or '0')
if day >= tonumber(ARGV[1]) or month >= tonumber(ARGV[2]) then return {0, day, month} end
redis.call('incr', KEYS[1])
redis.call('expireat', KEYS[1], ARGV[3])
redis.call('incr', KEYS[2])
redis.call('expireat', KEYS[2], ARGV[4])
redis.call('set', KEYS[3], KEYS[1] .. ' ' .. KEYS[2], 'EX', ARGV[5])
return {1, day + 1, month + 1}
`;

export interface ChargeQuotaInput {
  userId: string;
  orgId: string;
  /** What the unit is for (a message id, a direct generation's id): the refund names it. */
  chargeId: string;
}

/**
 * Take one image unit from the user's UTC day and the organisation's UTC month, or throw
 * `quota_exceeded` (429) with `Retry-After` until the spent window starts again. Redis away:
 * the command fails at once and the caller answers 503; nothing is taken.
 */
export async function chargeQuota({ ctx, input }: { ctx: LimitsContext; input: ChargeQuotaInput }): Promise<void> {
  const periods = quotaPeriods(new Date());
  const limits = await quotaLimits(ctx, input.userId, input.orgId);
  const dayKey = quotaKeys.userDay(ctx.keyPrefix, input.userId, periods);
  const monthKey = quotaKeys.orgMonth(ctx.keyPrefix, input.orgId, periods);
  const [taken, day, month] = (await ctx.redis.eval(
    CHARGE_SCRIPT,
    3,
    dayKey,
    monthKey,
    quotaKeys.charge(ctx.keyPrefix, input.chargeId),
    limits.daily,
    limits.monthly,
    Math.floor(periods.dayResetsAt.getTime() / 1000) + COUNTER_GRACE_S,
    Math.floor(periods.monthResetsAt.getTime() / 1000) + COUNTER_GRACE_S,
    CHARGE_RECORD_TTL_S,
  )) as [number, number, number];
  if (taken === 1) return;

  const dayFull = day >= limits.daily;
  const monthFull = month >= limits.monthly;
  // Both spent: the later reset is when a unit is free again.
  const resetsAt = monthFull ? periods.monthResetsAt : periods.dayResetsAt;
  const which = dayFull && !monthFull
    ? `your daily image quota (${limits.daily}) is used up`
    : dayFull
      ? `your daily image quota (${limits.daily}) and your organisation's monthly quota (${limits.monthly}) are used up`
      : `your organisation's monthly image quota (${limits.monthly}) is used up`;
  throw new TooManyRequests('quota_exceeded', `${which}; it resets at ${resetsAt.toISOString()}`, resetsAt.getTime() - Date.now());
}
