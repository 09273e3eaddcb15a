import type { MiddlewareHandler } from 'hono';
import { Forbidden, Unauthenticated } from '../../shared/errors.js';
import type { AppEnv } from '../../shared/http.js';
import type { Principal } from '../../shared/principal.js';

/** Turns a bearer credential into who it is, or throws `unauthenticated`. */
export type Authenticator = (token: string) => Promise<Principal>;

/**
 * The paths anyone may reach: liveness and readiness, the API document and its page, signing in,
 * the media and share links, which carry their own signature, and the web app's page and assets
 * (its API calls carry the token).
 */
export function isPublicPath(path: string): boolean {
  return (
    path === '/' ||
    path.startsWith('/app/') ||
    path === '/health' ||
    path === '/ready' ||
    path === '/openapi.json' ||
    path === '/asyncapi.json' ||
    path === '/docs' ||
    path.startsWith('/docs/') ||
    path.startsWith('/v1/auth/') ||
    path.startsWith('/media/') ||
    path.startsWith('/s/')
  );
}

/** The token of an `Authorization: Bearer …` header (RFC 6750: the scheme in any case). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i);
  return match?.[1];
}

/**
 * Every request but those to public paths carries a credential; the principal it names is put on
 * the context (`principal`, and `userId`, which every use case is scoped by). `/internal/` and
 * `/v1/org/` are for admins. Unknown paths are authenticated too, so a stranger cannot map the API by its 404s.
 */
export function authenticateRequests(authenticate: Authenticator): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (isPublicPath(path)) return next();
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) {
      throw new Unauthenticated(
        c.req.header('authorization')
          ? 'the Authorization header must be "Bearer <access token or API key>"'
          : 'a credential is required: send "Authorization: Bearer <access token or API key>" (see POST /v1/auth/register)',
      );
    }
    const principal = await authenticate(token);
    if (path.startsWith('/internal/') && principal.role !== 'admin') {
      throw new Forbidden('this is an operators\' route: it needs an admin');
    }
    // The organisation admin's routes: refused before their input is even read (their use cases check again).
    if ((path === '/v1/org' || path.startsWith('/v1/org/')) && principal.role !== 'admin') {
      throw new Forbidden("this is an organisation admin's route: it needs the admin role");
    }
    c.set('principal', principal);
    c.set('userId', principal.userId);
    return next();
  };
}
