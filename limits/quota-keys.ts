import type { QuotaPeriods } from './periods.js';

/** The Redis keys of the quota, all under the instance's prefix. */
export const quotaKeys = {
  userDay: (prefix: string, userId: string, periods: QuotaPeriods) => `${prefix}:quota:user:${userId}:${periods.day}`,
  orgMonth: (prefix: string, orgId: string, periods: QuotaPeriods) => `${prefix}:quota:org:${orgId}:${periods.month}`,
  /** What one charge took, so it is given back once, to the counters it was taken from. */
  charge: (prefix: string, chargeId: string) => `${prefix}:quota:charge:${chargeId}`,
};

/** A charge record outlives any window it may be given back to (a month and a bit). */
export const CHARGE_RECORD_TTL_S = 32 * 24 * 3600;

/** A window's counter is kept a day past its reset, then Redis drops it. */
export const COUNTER_GRACE_S = 24 * 3600;
