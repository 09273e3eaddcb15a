import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

/**
 * Atelier's typed SDK, for Node and browsers: the HTTP API typed from the OpenAPI document
 * (schema.d.ts, generated; openapi-fetch makes the calls) and a realtime helper that follows a
 * session's messages with resume (realtime.ts). docs/sdk.md shows it in use.
 */

export type { components, paths } from './schema.js';
export { connectRealtime, followSession, type FollowSessionOptions, type RealtimeOptions, type SessionFollower } from './realtime.js';

type Schemas = components['schemas'];
export type Message = Schemas['Message'];
export type Session = Schemas['Session'];
export type GalleryImage = Schemas['GalleryImage'];
export type ErrorBody = Schemas['Error'];

export type AtelierClient = Client<paths>;

export interface AtelierClientOptions {
  /** Where Atelier answers, e.g. `http://localhost:9999`. */
  baseUrl: string;
  /** An access token (or an `atl_…` API key), sent as `Authorization: Bearer …`; a function is asked before each request (a token that is refreshed). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Another fetch (a test's, a proxy's); default the global one. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A client of one Atelier. Every method is a path of the API, typed: `client.POST('/api/v1/chat/sessions/{id}/messages/', {params: {path: {id}}, body: {content}})`
 * answers `{data}` on success and `{error}` (the error envelope) otherwise, with `response` for
 * its status and headers.
 */
export function createAtelierClient(options: AtelierClientOptions): AtelierClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...(options.fetch && { fetch: options.fetch }) });
  const { token } = options;
  if (token !== undefined) {
    const bearer: Middleware = {
      async onRequest({ request }) {
        const value = typeof token === 'function' ? await token() : token;
        if (value) request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}
