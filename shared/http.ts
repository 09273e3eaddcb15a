import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from './principal.js';

/** What every request carries, set by the gateway's middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The user the request acts for (the principal's), which every use case is scoped by. */
    userId: string;
    /** Who the credential is (gateway/middleware/authenticate.ts); unset on public routes. */
    principal: Principal;
  };
}

/** The one application every route is registered on (built by the gateway's `createApp`). */
export type App = OpenAPIHono<AppEnv>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      request_id: z.string(),
      details: z.array(z.object({ path: z.string().optional(), message: z.string() })),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/**
 * The error responses a route can give, for its OpenAPI entry. The gateway adds 400, 413, 415
 * and 503 where every route of a kind can give them, and `X-Request-Id` / `Retry-After` to the
 * responses (gateway/routes/docs.ts); a route declares the statuses only it can give.
 */
export const errorResponses = {
  400: errorResponse('Malformed JSON or a field that fails validation'),
  401: errorResponse('No credential, or one that is not valid (`unauthenticated`); answered with `WWW-Authenticate: Bearer`'),
  403: errorResponse('The credential is valid but may not do this (`forbidden`)'),
  404: errorResponse('No such resource for this user'),
  409: errorResponse('Conflicts with the current state'),
  413: errorResponse('Body larger than the limit'),
  415: errorResponse('Body is not JSON'),
  422: errorResponse('Understood but refused (e.g. an idempotency key reused with another body)'),
  429: errorResponse('Too many requests (`rate_limited`: ours, or the provider\'s) or no quota left (`quota_exceeded`); `Retry-After` says how long'),
  502: errorResponse('The provider refused our credentials (`provider_auth_failed`) or answered something unusable (`invalid_response`)'),
  503: errorResponse('A dependency is unavailable; try again'),
} as const;

/**
 * An id as the API takes it: any UUID, in either case, normalised to lowercase here, at the edge,
 * so routes, `Location` headers, realtime rooms and both stores see one form of it.
 */
export function idSchema(what: string) {
  return z.uuid({ message: `expected ${what} id (a UUID)` }).toLowerCase();
}

/** `Location`-style absolute URL for a path of this API. */
export function absoluteUrl(publicUrl: string, pathname: string): string {
  return `${publicUrl}${pathname}`;
}
