import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMediaSigner } from './media-signer.js';

const key = Buffer.alloc(32, 9);
const T0 = 1_767_225_610_000; // a fixed clock, in ms (not on a 360 s boundary)
const at = (ms: number) => createMediaSigner({ key, ttlSeconds: 3600, now: () => ms });
const query = (url: string) => new URL(url, 'http://x').searchParams;
const path = '/media/users/u1/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png';

describe('media URL signing', () => {
  it('signs the path and the expiry with HMAC-SHA256, base64url, as documented', () => {
    const url = at(T0).sign(path);
    const expires = query(url).get('expires') ?? '';
    const expected = createHmac('sha256', key).update(`${path}\n${expires}`).digest('base64url');
    expect(url).toBe(`${path}?expires=${expires}&signature=${expected}`);
  });

  it.each([
    { what: 'just made', elapsedS: 0, verdict: { ok: true } },
    { what: 'at the end of its TTL', elapsedS: 3599, verdict: { ok: true } },
    { what: 'past its expiry', elapsedS: 4000, verdict: { ok: false, reason: 'expired' } },
  ])('is $what: $verdict.ok', ({ elapsedS, verdict }) => {
    const url = at(T0).sign(path);
    expect(at(T0 + elapsedS * 1000).verify(path, query(url))).toMatchObject(verdict);
  });

  it('lives between one and 1.1 TTLs, and hands out the same URL to reads close together', () => {
    const first = at(T0).sign(path);
    const expires = Number(query(first).get('expires'));
    expect(expires - T0 / 1000).toBeGreaterThanOrEqual(3600);
    expect(expires - T0 / 1000).toBeLessThanOrEqual(3960);
    expect(at(T0 + 1000).sign(path)).toBe(first);
    const verdict = at(T0).verify(path, query(first));
    expect(verdict).toEqual({ ok: true, expiresAt: expires, remainingSeconds: expires - T0 / 1000 });
  });

  it.each([
    { what: 'no query', url: path, reason: 'unsigned' },
    { what: 'a non-numeric expiry', url: `${path}?expires=soon&signature=${'A'.repeat(43)}`, reason: 'invalid' },
    { what: 'a signature of the wrong length', url: `${path}?expires=1&signature=abc`, reason: 'invalid' },
    { what: 'a made-up signature', url: `${path}?expires=9999999999&signature=${'A'.repeat(43)}`, reason: 'invalid' },
  ])('refuses $what as $reason', ({ url, reason }) => {
    expect(at(T0).verify(path, query(url))).toEqual({ ok: false, reason });
  });

  it("refuses another path's signature", () => {
    const url = at(T0).sign('/media/users/u2/other.png');
    expect(at(T0).verify(path, query(url))).toEqual({ ok: false, reason: 'invalid' });
  });
});
