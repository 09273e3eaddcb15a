import type { RateLimitOutcome, RateLimitPolicy } from '../../limits/index.js';

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), in their structured
 * field form: a policy named by an sf-string with its quota `q` and window `w` in seconds, and
 * the live counters of that policy, remaining `r` and seconds to reset `t`:
 *
 *     RateLimit-Policy: "costly";q=30;w=60
 *     RateLimit: "costly";r=12;t=40
 */

/** An sf-string (RFC 9651 §3.3.3): quoted, with `"` and `\` escaped; only visible ASCII and space. */
export function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not an sf-string: ${JSON.stringify(value)}`);
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

export function rateLimitPolicyHeader(policy: RateLimitPolicy): string {
  return `${sfString(policy.name)};q=${policy.limit};w=${policy.windowSeconds}`;
}

/** `t` is whole seconds, rounded up: a client that waits that long finds the window reset. */
export function rateLimitHeader(policy: RateLimitPolicy, outcome: Pick<RateLimitOutcome, 'remaining' | 'resetMs'>): string {
  const remaining = Math.max(0, Math.floor(outcome.remaining));
  const reset = Math.max(0, Math.ceil(outcome.resetMs / 1000));
  return `${sfString(policy.name)};r=${remaining};t=${reset}`;
}
