import type { QuotaPort } from '../shared/quota.js';
import type { LimitsContext } from './context.js';
import { createLoginGuard, type LoginGuard } from './login-guard.js';
import { createQuota } from './quota.js';
import { createRateLimit, type RateLimit } from './rate-limits.js';

/** Every limit of an instance, built once at start from its config. */
export interface Limits {
  /** Per user, on the routes that make something (posting a message, refine, generate). */
  costly: RateLimit;
  /** Per IP address, on `/v1/auth/`. */
  auth: RateLimit;
  login: LoginGuard;
  quota: QuotaPort;
}

export function createLimits(ctx: LimitsContext): Limits {
  return {
    costly: createRateLimit(ctx, { name: 'costly', limit: ctx.config.costlyPerMinute, windowSeconds: 60 }),
    auth: createRateLimit(ctx, { name: 'auth', limit: ctx.config.authPerMinute, windowSeconds: 60 }),
    login: createLoginGuard(ctx),
    quota: createQuota(ctx),
  };
}
