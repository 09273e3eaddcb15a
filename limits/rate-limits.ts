import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitsContext } from './context.js';

/** A limit as the `RateLimit-Policy` header names it: `limit` requests per `windowSeconds`. */
export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** One request counted against a policy. */
export interface RateLimitOutcome {
  allowed: boolean;
  /** Requests left in the window after this one. */
  remaining: number;
  /** Milliseconds until the window starts again (or, refused, until one is free). */
  resetMs: number;
}

export interface RateLimit {
  policy: RateLimitPolicy;
  /** Count one request of `key` (a user id, an IP address). */
  consume(key: string): Promise<RateLimitOutcome>;
}

/**
 * A fixed-window limit counted in Redis (rate-limiter-flexible), so it holds across gateways.
 * With Redis away the command client fails at once (`rejectIfRedisNotReady` does not even try)
 * and the count moves to an in-memory limiter of the same size, per process: an outage of Redis
 * never makes a request wait or fail because of a limit, and clients stay limited meanwhile.
 */
export function createRateLimit(ctx: LimitsContext, policy: RateLimitPolicy): RateLimit {
  const limiter = new RateLimiterRedis({
    storeClient: ctx.redis,
    keyPrefix: `${ctx.keyPrefix}:ratelimit:${policy.name}`,
    points: policy.limit,
    duration: policy.windowSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points: policy.limit, duration: policy.windowSeconds }),
  });
  return {
    policy,
    consume: async (key) => {
      try {
        const res = await limiter.consume(key);
        return { allowed: true, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return { allowed: false, remaining: 0, resetMs: refused.msBeforeNext };
        // Both stores failed (the in-memory one cannot, short of a bug): let the request through.
        ctx.logger.warn({ err: refused, policy: policy.name }, 'rate limit could not be counted');
        return { allowed: true, remaining: policy.limit, resetMs: policy.windowSeconds * 1000 };
      }
    },
  };
}
