import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs and checks the URLs of the files Atelier serves itself, like a pre-signed S3 URL: the
 * path and an expiry, HMAC-SHA256'd with a key only the instance's processes hold. The signature
 * is the credential: whoever has the URL may fetch that one file until it expires, and changing
 * the path, the expiry or the signature makes it worthless.
 */
export interface MediaSigner {
  /** `pathname?expires=…&signature=…`, valid for at least the TTL from now. */
  sign(pathname: string, expiresAt?: number): string;
  /** Whether `pathname` with these query parameters is a live, untouched signed URL. */
  verify(pathname: string, query: URLSearchParams): MediaVerdict;
}

export type MediaVerdict =
  /** `remainingSeconds`: how long it stays valid, so how long a cache may keep the file. */
  | { ok: true; expiresAt: number; remainingSeconds: number }
  | { ok: false; reason: 'unsigned' | 'expired' | 'invalid' };

export interface MediaSignerOptions {
  /** The instance's secret (`loadInstanceSecret(db, 'media-url-key')`): every gateway and worker signs alike. */
  key: Uint8Array;
  /** How long a URL handed out stays valid, in seconds (MEDIA_URL_TTL_S, default 3600). */
  ttlSeconds: number;
  /** The clock, in ms (tests). Default `Date.now`. */
  now?: () => number;
}

const EXPIRES = /^[0-9]{1,12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export function createMediaSigner(options: MediaSignerOptions): MediaSigner {
  const now = options.now ?? Date.now;
  // Expiries are rounded up to a tenth of the TTL: reads close together hand out the same URL, so
  // a browser's cache still serves an image a page lists again, and each URL lives TTL to 1.1 TTL.
  const step = Math.max(1, Math.floor(options.ttlSeconds / 10));
  const mac = (pathname: string, expires: number | string) =>
    createHmac('sha256', options.key).update(`${pathname}\n${expires}`).digest('base64url');

  return {
    sign(pathname, expiresAt) {
      const expires = expiresAt ?? Math.ceil((Math.floor(now() / 1000) + options.ttlSeconds) / step) * step;
      return `${pathname}?expires=${expires}&signature=${mac(pathname, expires)}`;
    },
    verify(pathname, query) {
      const expires = query.get('expires');
      const signature = query.get('signature');
      if (expires === null && signature === null) return { ok: false, reason: 'unsigned' };
      if (expires === null || signature === null || !EXPIRES.test(expires) || !SIGNATURE.test(signature)) {
        return { ok: false, reason: 'invalid' };
      }
      // The signature first, in constant time: an expired URL says so only when it was genuine.
      // Compared as text, not decoded: base64 lets two last characters decode to the same bytes.
      if (!timingSafeEqual(Buffer.from(signature), Buffer.from(mac(pathname, expires)))) return { ok: false, reason: 'invalid' };
      const expiresAt = Number(expires);
      const remainingSeconds = expiresAt - Math.floor(now() / 1000);
      if (remainingSeconds <= 0) return { ok: false, reason: 'expired' };
      return { ok: true, expiresAt, remainingSeconds };
    },
  };
}
