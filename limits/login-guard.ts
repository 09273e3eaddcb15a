import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitsContext } from './context.js';

/** Failed sign-ins in a row for one email from one IP are counted for a day ... */
const ACCOUNT_WINDOW_S = 24 * 3600;
/** ... and past the limit, that email is blocked from that IP for a quarter of an hour. */
const ACCOUNT_BLOCK_S = 15 * 60;
/** Failed sign-ins from one IP, whatever the email, are counted per day, and past the limit blocked for a day. */
const IP_WINDOW_S = 24 * 3600;

/** How an attempt the guard admitted ended. */
export type LoginOutcome = 'succeeded' | 'failed' | 'not_attempted';

export interface LoginGuard {
  /**
   * Before a sign-in: count it as a failure in advance, per email and IP and per IP. Undefined
   * when it may go ahead; the milliseconds to wait when either is blocked (nothing is counted).
   */
  admit(email: string, ip: string): Promise<number | undefined>;
  /** After it: a success clears the email's failures and gives the IP its point back; so does an attempt that never checked a password. */
  settle(email: string, ip: string, outcome: LoginOutcome): Promise<void>;
}

/**
 * rate-limiter-flexible's login protection: consecutive failures by email and IP (a success
 * resets them), and failures by IP per day. Keyed by email *and* IP, so nobody can lock a user
 * out from everywhere by failing with their email; the per-IP count stops one address from
 * trying many emails. A failure is counted before the password is checked and given back
 * after a success, so a burst of concurrent guesses gets no more tries than the limit.
 * Like the rate limits, an in-memory limiter takes over while Redis is away.
 */
export function createLoginGuard(ctx: LimitsContext): LoginGuard {
  const { loginMaxFailures, loginMaxFailuresPerIp } = ctx.config;
  const byAccount = new RateLimiterRedis({
    storeClient: ctx.redis,
    keyPrefix: `${ctx.keyPrefix}:login-failures:account`,
    points: loginMaxFailures,
    duration: ACCOUNT_WINDOW_S,
    blockDuration: ACCOUNT_BLOCK_S,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points: loginMaxFailures, duration: ACCOUNT_WINDOW_S }),
  });
  const byIp = new RateLimiterRedis({
    storeClient: ctx.redis,
    keyPrefix: `${ctx.keyPrefix}:login-failures:ip`,
    points: loginMaxFailuresPerIp,
    duration: IP_WINDOW_S,
    blockDuration: IP_WINDOW_S,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points: loginMaxFailuresPerIp, duration: IP_WINDOW_S }),
  });
  const accountKey = (email: string, ip: string) => `${email.toLowerCase()}_${ip}`;
  // A limiter's own failure (both stores down) lets the sign-in go ahead: the password check stays.
  const quietly = async (work: Promise<unknown>) => {
    await work.catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) ctx.logger.warn({ err: error }, 'login guard could not count');
    });
  };

  return {
    async admit(email, ip) {
      const [account, address] = await Promise.allSettled([byAccount.consume(accountKey(email, ip)), byIp.consume(ip)]);
      const waits = [account, address].flatMap((result) =>
        result.status === 'rejected' && result.reason instanceof RateLimiterRes ? [result.reason.msBeforeNext] : [],
      );
      if (waits.length === 0) return undefined;
      // Refused: the attempt is not made, so what it took from the other counter goes back.
      if (account.status === 'fulfilled') await quietly(byAccount.reward(accountKey(email, ip)));
      if (address.status === 'fulfilled') await quietly(byIp.reward(ip));
      return Math.max(...waits);
    },
    async settle(email, ip, outcome) {
      if (outcome === 'failed') return;
      await Promise.all([
        quietly(outcome === 'succeeded' ? byAccount.delete(accountKey(email, ip)) : byAccount.reward(accountKey(email, ip))),
        quietly(byIp.reward(ip)),
      ]);
    },
  };
}
