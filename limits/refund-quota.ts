import type { LimitsContext } from './context.js';
import { quotaKeys } from './quota-keys.js';

/**
 * Take the charge record ("units dayKey monthKey"; a record from before variations has no units:
 * one) and give its units back to the counters it names, in one step: of two
 * refunds of the same charge (a failure seen twice, a cancel racing a failure), one finds the
 * record and the other nothing. A counter is never taken below zero (its window may have ended
 * and been dropped meanwhile). The counters' keys are read from the record, not declared: fine
 * on one Redis, as BullMQ's own scripts are not made for Redis Cluster either.
 */
const REFUND_SCRIPT = `
local record = redis.call('get', KEYS[1])
if not record then return 0 end
redis.call('del', KEYS[1])
local units = 1
for part in string.gmatch(record, '%S+') do
  if tonumber(part) then
    units = tonumber(part)
  else
    local left = tonumber(redis.call('get', part) or '0')
    if left > 0 then redis.call('decrby', part, math.min(units, left)) end
  end
end
return 1
`;

/**
 * Give back the image unit charged under `chargeId`: a generation that failed, was blocked or was
 * cancelled. At most once per charge, however often it is called; true when this call gave it.
 */
export async function refundQuota({ ctx, input }: { ctx: LimitsContext; input: { chargeId: string } }): Promise<boolean> {
  const given = await ctx.redis.eval(REFUND_SCRIPT, 1, quotaKeys.charge(ctx.keyPrefix, input.chargeId));
  return given === 1;
}
