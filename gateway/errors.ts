import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, ProviderError, ServiceUnavailable, TooManyRequests, ValidationFailed, toAppError, type ErrorCode, type ErrorDetail } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { OutageMonitor } from '../shared/outages.js';

/** The one table from error code to HTTP status. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  no_parameters: 400,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  unauthenticated: 401,
  forbidden: 403,
  quota_exceeded: 429,
  no_source_image: 409,
  rate_limited: 429,
  provider_unavailable: 503,
  provider_auth_failed: 502,
  safety_blocked: 422,
  invalid_request: 400,
  invalid_response: 502,
  // Only ever on a message (the pipeline's); were it thrown at a route, it would be ours to retry.
  worker_lost: 503,
  service_unavailable: 503,
  storage_unavailable: 503,
  internal: 500,
};

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code];
}

/** zod's issues as the envelope's `details`, paths prefixed with where the value came from. */
export function validationFailedFrom(error: ZodError, target: string): ValidationFailed {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0];
  return new ValidationFailed(first ? `${first.path}: ${first.message}` : 'request is not valid', details);
}

/** How long a client is asked to wait before trying again after a 503 of ours. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Anything a handler threw, as the error envelope. Unknown errors are logged and hidden; an
 * outage of a dependency is told to the monitor (logged once per outage, not once per request).
 */
export function errorResponse(c: Context, thrown: unknown, logger: Logger, outages?: OutageMonitor): Response {
  const error = fromHttpException(thrown) ?? toAppError(thrown);
  const status = statusOf(error.code);
  const requestId = (c.get('requestId') as string | undefined) ?? '';
  if (error instanceof ServiceUnavailable && error.dependency && outages) {
    outages.report(error.dependency, thrown);
  } else if (status >= 500) {
    logger.error({ err: thrown, requestId, path: c.req.path }, 'request failed');
  }
  const message = error.code === 'internal' ? 'internal error' : error.message;
  // A provider that asked us to wait: pass the wait on (the direct prompt and image routes).
  if (error instanceof ProviderError && error.retryAfterMs !== undefined) {
    c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  } else if (error instanceof TooManyRequests) {
    // Our own limits: at least a second, so a client never retries at once into the same refusal.
    c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
  } else if (error.code === 'service_unavailable' || error.code === 'storage_unavailable') {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  } else if (error.code === 'unauthenticated') {
    // RFC 6750: a request that sent a token is told it was not accepted; one that sent none is not.
    const sent = Boolean(c.req.header('authorization'));
    c.header('WWW-Authenticate', sent ? 'Bearer realm="atelier", error="invalid_token"' : 'Bearer realm="atelier"');
  }
  return c.json(
    { error: { code: error.code, message, request_id: requestId, details: error.details } },
    status,
  );
}

/** Hono's own exceptions (malformed JSON, body limit) as our codes. */
function fromHttpException(thrown: unknown): AppError | undefined {
  if (!(thrown instanceof HTTPException)) return undefined;
  if (thrown.status === 400 && /json/i.test(thrown.message)) {
    return new AppError('invalid_json', 'request body is not valid JSON');
  }
  if (thrown.status === 413) return new AppError('payload_too_large', 'request body is too large');
  if (thrown.status === 415) return new AppError('unsupported_media_type', 'request body must be application/json');
  if (thrown.status === 404) return new AppError('route_not_found', thrown.message || 'not found');
  if (thrown.status >= 500) return undefined;
  return new AppError('validation_failed', thrown.message || 'bad request');
}
