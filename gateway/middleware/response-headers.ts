import type { MiddlewareHandler } from 'hono';
import { corsGrant, type CorsOrigins } from '../cors-origins.js';

/**
 * When answers say `Strict-Transport-Security`: `always` when the public URL is https; behind a
 * trusted proxy (TRUST_PROXY) only when its `X-Forwarded-Proto` says https; else never: HSTS on
 * plain http is meaningless at best and, on a local instance, pins a name to https that has none.
 */
export type HstsPolicy = 'always' | 'when-forwarded-https' | 'never';

export interface ResponseHeaderOptions {
  corsOrigins: CorsOrigins;
  /** Response headers a browser's script may read (CORS `Access-Control-Expose-Headers`). */
  exposeHeaders: string[];
  /** Default `never`. */
  hsts?: HstsPolicy;
}

/**
 * API answers are data, never a page: nothing may load in them or frame them. Routes that serve a
 * page (the docs) set their own.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const HSTS = 'max-age=15552000; includeSubDomains';

/** Hono's secureHeaders defaults, with `Cross-Origin-Resource-Policy: cross-origin` so images load from other origins. */
const SECURITY_HEADERS: Array<[string, string]> = [
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', API_CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

const ALLOW_METHODS = 'GET,HEAD,PUT,POST,DELETE,PATCH';

/**
 * The security headers and CORS, in one middleware that only ever adds headers before the
 * handler runs. (Hono's `cors` and `secureHeaders` write into `c.res` around the handler, which
 * makes every response a full web `Response` and merges its headers: about a tenth of a
 * millisecond a request on the accept path. The headers are the same.)
 *
 * CORS (see cors-origins.ts): a listed origin gets itself back with credentials; with `*`, any
 * origin gets `*` without them, except on `/internal/`; any other origin gets no CORS header at
 * all, so the browser keeps the answer from its script. A preflight is answered here, 204: with
 * the allowed methods and the headers the browser asked for when the origin may call, bare
 * otherwise.
 */
export function responseHeaders(options: ResponseHeaderOptions): MiddlewareHandler {
  const exposed = options.exposeHeaders.join(',');
  const hsts = options.hsts ?? 'never';
  return async (c, next) => {
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    if (hsts === 'always' || (hsts === 'when-forwarded-https' && forwardedProto(c.req.header('x-forwarded-proto')) === 'https')) {
      c.header('Strict-Transport-Security', HSTS);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const grant = corsGrant(options.corsOrigins, origin, c.req.path);
      if (grant !== 'none') {
        c.header('Access-Control-Allow-Origin', grant === 'any' ? '*' : origin);
        c.header('Access-Control-Expose-Headers', exposed);
        if (grant === 'credentialed') c.header('Access-Control-Allow-Credentials', 'true');
      }
      // The answer depends on the origin: a shared cache must not hand one origin's to another.
      if (options.corsOrigins !== '*') c.header('Vary', 'Origin');
      if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
        if (grant !== 'none') {
          c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
          const requested = c.req.header('access-control-request-headers');
          if (requested) c.header('Access-Control-Allow-Headers', requested);
          c.header('Access-Control-Max-Age', '600');
        }
        return c.body(null, 204);
      }
    }
    await next();
  };
}

/** The scheme the client used, as the trusted proxy tells it: the last of a list is the one it wrote itself (as for X-Forwarded-For). */
function forwardedProto(header: string | undefined): string | undefined {
  return header?.split(',').at(-1)?.trim().toLowerCase();
}
