import { createAtelierClient, type AtelierClient } from '../client/index.js';
import { refreshOnUnauthorized, storedToken } from './tokens.js';

export { storedToken } from './tokens.js';

export const baseUrl = location.origin;

/**
 * The typed SDK, asking sessionStorage for the token on every request; a call refused with 401
 * is sent again once with a refreshed token (web/tokens.ts).
 */
export const api: AtelierClient = createAtelierClient({ baseUrl, token: storedToken });
api.use(refreshOnUnauthorized(baseUrl));

/** What to tell the user of a failed call: the envelope's message. */
export function errorText(error: unknown, fallback = 'Something went wrong'): string {
  if (typeof error === 'object' && error !== null && 'error' in error) {
    const inner = (error as { error?: { message?: unknown } }).error;
    if (typeof inner?.message === 'string') return inner.message;
  }
  return fallback;
}
