import type { QuotaPort } from '../shared/quota.js';
import { chargeQuota } from './charge-quota.js';
import type { LimitsContext } from './context.js';
import { getQuotaUsage } from './get-quota-usage.js';
import { refundQuota } from './refund-quota.js';

/** The quota use cases as the port other services are given (shared/quota.ts). */
export function createQuota(ctx: LimitsContext): QuotaPort {
  return {
    charge: (input) => chargeQuota({ ctx, input }),
    refund: (chargeId) => refundQuota({ ctx, input: { chargeId } }),
    usage: (input) => getQuotaUsage({ ctx, input }),
  };
}
