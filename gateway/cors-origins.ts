/**
 * Which browser origins may use the API (CORS) and open sockets: one rule for both.
 * - A list (the default is the instance's own origin, that of its public URL): those origins, with
 *   credentials.
 * - `*`, only when an operator sets it: any origin, without credentials, and never `/internal/`.
 */
export type CorsOrigins = string[] | '*';

/** CORS_ORIGINS as configured, or, when unset, the origin the web app is served from: the public URL's. */
export function resolveCorsOrigins(configured: CorsOrigins | undefined, publicUrl: string): CorsOrigins {
  return configured ?? [new URL(publicUrl).origin];
}

/** What a request from `origin` to `path` is granted: nothing, any-origin access, or this origin with credentials. */
export type CorsGrant = 'none' | 'any' | 'credentialed';

export function corsGrant(origins: CorsOrigins, origin: string, path: string): CorsGrant {
  if (origins === '*') return path.startsWith('/internal/') ? 'none' : 'any';
  return origins.includes(origin) ? 'credentialed' : 'none';
}
