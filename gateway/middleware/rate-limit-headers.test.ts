import { describe, expect, it } from 'vitest';
import { rateLimitHeader, rateLimitPolicyHeader, sfString } from './rate-limit-headers.js';

const costly = { name: 'costly', limit: 30, windowSeconds: 60 };

describe('RateLimit header fields', () => {
  it.each([
    { policy: costly, expected: '"costly";q=30;w=60' },
    { policy: { name: 'auth', limit: 5, windowSeconds: 3600 }, expected: '"auth";q=5;w=3600' },
  ])('RateLimit-Policy of $policy.name is $expected', ({ policy, expected }) => {
    expect(rateLimitPolicyHeader(policy)).toBe(expected);
  });

  it.each([
    { outcome: { remaining: 12, resetMs: 40_000 }, expected: '"costly";r=12;t=40' },
    { outcome: { remaining: 0, resetMs: 39_001 }, expected: '"costly";r=0;t=40' },
    { outcome: { remaining: 29, resetMs: 0 }, expected: '"costly";r=29;t=0' },
    { outcome: { remaining: -1, resetMs: -5 }, expected: '"costly";r=0;t=0' },
  ])('RateLimit for $outcome is $expected', ({ outcome, expected }) => {
    expect(rateLimitHeader(costly, outcome)).toBe(expected);
  });

  it.each([
    { value: 'costly', expected: '"costly"' },
    { value: 'a "quoted" \\ name', expected: '"a \\"quoted\\" \\\\ name"' },
    { value: '', expected: '""' },
  ])('sf-string of $value', ({ value, expected }) => {
    expect(sfString(value)).toBe(expected);
  });

  it('refuses what an sf-string cannot hold', () => {
    expect(() => sfString('tab\there')).toThrow();
    expect(() => sfString('é')).toThrow();
  });
});
