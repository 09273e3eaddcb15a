import { createAtelierClient, type AtelierClient } from '../client/index.js';

/** Where the signed-in user's access token is kept: this tab only, gone when it closes. */
const TOKEN_KEY = 'atelier.token';

export const baseUrl = location.origin;

export function storedToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function storeToken(token: string | undefined): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** The typed SDK, asking sessionStorage for the token on every request. */
export const api: AtelierClient = createAtelierClient({ baseUrl, token: storedToken });

/** What to tell the user of a failed call: the envelope's message. */
export function errorText(error: unknown, fallback = 'Something went wrong'): string {
  if (typeof error === 'object' && error !== null && 'error' in error) {
    const inner = (error as { error?: { message?: unknown } }).error;
    if (typeof inner?.message === 'string') return inner.message;
  }
  return fallback;
}
