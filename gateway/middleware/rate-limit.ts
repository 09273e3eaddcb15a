import type { MiddlewareHandler } from 'hono';
import type { RateLimit } from '../../limits/index.js';
import { TooManyRequests } from '../../shared/errors.js';
import type { AppEnv } from '../../shared/http.js';
import { addressKey, clientIp } from './client-ip.js';
import { rateLimitHeader, rateLimitPolicyHeader } from './rate-limit-headers.js';

/** Which limit a request counts against: `costly` per user, `auth` per IP address. */
export type LimitedBy = 'costly' | 'auth';

/** The routes that make something (a message's image, a refinement, an image), by user. Ids as in a path or as `{id}` in the API document. */
const COSTLY_PATHS = [
  /^\/api\/v1\/chat\/sessions\/[^/]+\/messages\/?$/,
  // A retry and a regenerate make an image too.
  /^\/api\/v1\/chat\/sessions\/[^/]+\/messages\/[^/]+\/(retry|regenerate)\/?$/,
  /^\/v1\/image\/generate\/?$/,
  /^\/v1\/prompt\/refine\/?$/,
  // An export is one request for minutes of a worker's CPU (gallery/exports).
  /^\/v1\/gallery\/exports\/?$/,
];

/** The limit a request counts against, if any; also what the API document declares (gateway/routes/docs.ts). */
export function limitedBy(method: string, path: string): LimitedBy | undefined {
  if (path === '/v1/auth' || path.startsWith('/v1/auth/')) return 'auth';
  if (method.toUpperCase() === 'POST' && COSTLY_PATHS.some((pattern) => pattern.test(path))) return 'costly';
  return undefined;
}

export interface RateLimitOptions {
  costly: RateLimit;
  auth: RateLimit;
  /** Whether `X-Forwarded-For` names the client (TRUST_PROXY). */
  trustProxy: boolean;
}

/**
 * Counts each limited request before its body is read, and says where the caller stands in the
 * IETF `RateLimit-Policy` and `RateLimit` headers, on the answer whatever it is. Past the limit:
 * `429 rate_limited` with `Retry-After`. Runs after authentication: the costly routes are counted
 * by user (every credential of a user shares one count), the auth routes by address.
 */
export function rateLimitRequests(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const by = limitedBy(c.req.method, c.req.path);
    if (!by) return next();
    const key = by === 'costly' ? c.get('principal')?.userId : addressKey(clientIp(c, options.trustProxy));
    if (!key) return next();
    const limit = options[by];
    const outcome = await limit.consume(key);
    c.header('RateLimit-Policy', rateLimitPolicyHeader(limit.policy));
    c.header('RateLimit', rateLimitHeader(limit.policy, outcome));
    if (!outcome.allowed) {
      const who = by === 'costly' ? 'for this user' : 'from this address';
      throw new TooManyRequests(
        'rate_limited',
        `too many requests ${who}: at most ${limit.policy.limit} a ${limit.policy.windowSeconds === 60 ? 'minute' : `${limit.policy.windowSeconds} s`}; try again after Retry-After`,
        outcome.resetMs,
      );
    }
    return next();
  };
}
