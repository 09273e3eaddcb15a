import { TooManyRequests } from '../shared/errors.js';
import type { LimitsContext } from './context.js';
import { quotaPeriods } from './periods.js';
import { CHARGE_RECORD_TTL_S, COUNTER_GRACE_S, quotaKeys } from './quota-keys.js';
import { quotaLimits } from './quota-limits.js';

/**
 * Check and take in one step, inside Redis (a script runs alone), so a burst of concurrent
 * posts gets exactly the units left and not one more, on any number of gateways.
 * KEYS: the user's day counter, the organisation's month counter, the charge record.
 * ARGV: the day's limit, the month's limit, when each counter expires (unix s), the record's TTL,
 * the units to take.
 * Returns {taken (1/0), the day's count, the month's count}; a charge id already recorded takes
 * nothing and answers as taken. The record is "units dayKey monthKey" (refund-quota.ts).
 */
const CHARGE_SCRIPT = `
if redis.call('exists', KEYS[3]) == 1 then return {1, -1, -1} end
local units = tonumber(ARGV[6])
local day = tonumber(redis.call('get', KEYS[1]) or '0')
local month = tonumber(redis.call('get', KEYS[2]) or '0')
if day + units > tonumber(ARGV[1]) or month + units > tonumber(ARGV[2]) then return {0, day, month} end
redis.call('incrby', KEYS[1], units)
redis.call('expireat', KEYS[1], ARGV[3])
redis.call('incrby', KEYS[2], units)
redis.call('expireat', KEYS[2], ARGV[4])
redis.call('set', KEYS[3], units .. ' ' .. KEYS[1] .. ' ' .. KEYS[2], 'EX', ARGV[5])
return {1, day + units, month + units}
`;

export interface ChargeQuotaInput {
  userId: string;
  orgId: string;
  /** What the unit is for (a message id, a direct generation's id): the refund names it. */
  chargeId: string;
  /** How many image units (a message's `n` variations); default one. */
  units?: number | undefined;
}

/**
 * Take the units (one by default) from the user's UTC day and the organisation's UTC month, or
 * throw `quota_exceeded` (429) with `Retry-After` until the spent window starts again; a window
 * with fewer units left than asked takes none. Redis away:
 * the command fails at once and the caller answers 503; nothing is taken.
 */
export async function chargeQuota({ ctx, input }: { ctx: LimitsContext; input: ChargeQuotaInput }): Promise<void> {
  const units = input.units ?? 1;
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
    units,
  )) as [number, number, number];
  if (taken === 1) return;

  const dayFull = day + units > limits.daily;
  const monthFull = month + units > limits.monthly;
  // Both spent: the later reset is when a unit is free again.
  const resetsAt = monthFull ? periods.monthResetsAt : periods.dayResetsAt;
  const spent = (what: string, limit: number, used: number) => {
    const left = Math.max(0, limit - used);
    return left === 0 ? `${what} (${limit}) is used up` : `${what} (${limit}) has ${left} left and this needs ${units}`;
  };
  const which = [
    dayFull ? spent('your daily image quota', limits.daily, day) : null,
    monthFull ? spent("your organisation's monthly image quota", limits.monthly, month) : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  throw new TooManyRequests('quota_exceeded', `${which}; it resets at ${resetsAt.toISOString()}`, resetsAt.getTime() - Date.now());
}
