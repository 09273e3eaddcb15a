import type { MiddlewareHandler } from 'hono';
import type { LoginGuard, LoginOutcome } from '../../limits/index.js';
import { TooManyRequests } from '../../shared/errors.js';
import type { AppEnv } from '../../shared/http.js';
import { addressKey, clientIp } from './client-ip.js';

/**
 * Slows repeated failed sign-ins (`POST /v1/auth/login`): per email and address, and per address
 * (limits/login-guard.ts). Blocked: `429 rate_limited` with `Retry-After`, before any password
 * is checked. The route's answer decides what the attempt was: 200 a success (the email's
 * failures are forgotten), 401 a failure, whether the email is unknown or the password wrong
 * (so the throttle tells them apart no more than the answer does), anything else no attempt.
 * Runs after the json-body check, which has read the body; one without an email is left to the
 * route's validation.
 */
export function throttleLogIns(options: { guard: LoginGuard; trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const email = emailOf(await c.req.json().catch(() => undefined));
    if (email === undefined) return next();
    const ip = addressKey(clientIp(c, options.trustProxy));
    const waitMs = await options.guard.admit(email, ip);
    if (waitMs !== undefined) {
      throw new TooManyRequests('rate_limited', 'too many failed sign-ins; try again after Retry-After', waitMs);
    }
    try {
      await next();
    } finally {
      await options.guard.settle(email, ip, outcomeOf(c.res.status));
    }
  };
}

function outcomeOf(status: number): LoginOutcome {
  if (status === 200) return 'succeeded';
  if (status === 401) return 'failed';
  return 'not_attempted';
}

function emailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('email' in body)) return undefined;
  const email = (body as { email: unknown }).email;
  return typeof email === 'string' && email.length > 0 && email.length <= 254 ? email.trim().toLowerCase() : undefined;
}
