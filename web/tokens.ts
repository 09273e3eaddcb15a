import type { Middleware } from 'openapi-fetch';

/**
 * The signed-in user's tokens and their renewal. Both live in sessionStorage (this tab only, gone
 * when it closes). An access token lasts minutes (AUTH_ACCESS_TTL_S); the refresh token exchanges
 * for a new pair, once: refresh tokens rotate, and a used one presented again revokes the whole
 * sign-in. So every caller that finds its token refused shares one exchange in flight.
 */

const ACCESS_KEY = 'atelier.token';
const REFRESH_KEY = 'atelier.refresh';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

export function storedToken(): string | undefined {
  return sessionStorage.getItem(ACCESS_KEY) ?? undefined;
}

export function storedRefreshToken(): string | undefined {
  return sessionStorage.getItem(REFRESH_KEY) ?? undefined;
}

export function storeTokens(tokens: TokenPair | undefined): void {
  if (tokens) {
    sessionStorage.setItem(ACCESS_KEY, tokens.access_token);
    sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  } else {
    sessionStorage.removeItem(ACCESS_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  }
}

/** Told when a refresh fails: the sign-in is over and the app must ask for a new one. */
let onSessionEnded: () => void = () => {};
export function whenSessionEnds(listener: () => void): void {
  onSessionEnded = listener;
}

let inFlight: Promise<string | undefined> | undefined;

/**
 * A fresh access token for a caller whose `refused` token was turned away: the stored one when
 * another caller has renewed it since, else the result of the one shared exchange. Undefined when
 * the exchange fails (the tokens are then forgotten and the app told).
 */
export function renewToken(baseUrl: string, refused: string | undefined): Promise<string | undefined> {
  const current = storedToken();
  if (current && current !== refused) return Promise.resolve(current);
  inFlight ??= exchange(baseUrl).finally(() => (inFlight = undefined));
  return inFlight;
}

async function exchange(baseUrl: string): Promise<string | undefined> {
  const refreshToken = storedRefreshToken();
  // Plain fetch, not the SDK: this call must not pass through the middleware that calls it.
  const response = refreshToken
    ? await fetch(`${baseUrl}/v1/auth/refresh/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      }).catch(() => undefined)
    : undefined;
  if (response?.ok) {
    const tokens = (await response.json()) as TokenPair;
    storeTokens(tokens);
    return tokens.access_token;
  }
  storeTokens(undefined);
  onSessionEnded();
  return undefined;
}

/**
 * An openapi-fetch middleware: a call answered 401 is sent again, once, with a renewed token.
 * The sign-in routes are left alone (a wrong password is a 401 too).
 */
export function refreshOnUnauthorized(baseUrl: string): Middleware {
  // The request as it was before fetch consumed its body, by openapi-fetch's request id.
  const spares = new Map<string, Request>();
  return {
    onRequest({ request, id, schemaPath }) {
      if (!schemaPath.startsWith('/v1/auth/')) spares.set(id, request.clone());
      return undefined;
    },
    async onResponse({ response, id }) {
      const spare = spares.get(id);
      spares.delete(id);
      if (!spare || response.status !== 401) return undefined;
      const refused = spare.headers.get('authorization')?.replace(/^Bearer /, '');
      const token = await renewToken(baseUrl, refused);
      if (!token) return undefined;
      spare.headers.set('authorization', `Bearer ${token}`);
      return fetch(spare);
    },
    onError({ id }) {
      spares.delete(id);
      return undefined;
    },
  };
}
