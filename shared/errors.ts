import { outageMessage, outageOf, type Dependency } from './outages.js';

/**
 * One error model for every transport. Use cases throw these; the gateway maps `code` to an HTTP
 * status (gateway/errors.ts), the workers map `retryable` to a retry or an `UnrecoverableError`,
 * and the realtime layer puts `code` and `message` in its acks.
 */

export const ERROR_CODES = [
  // the client's request
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'no_parameters',
  'not_found',
  'route_not_found',
  'conflict',
  'idempotency_key_reused',
  // who the caller is and what they may do
  'unauthenticated',
  'forbidden',
  'quota_exceeded',
  // the pipeline and its providers
  'no_source_image',
  'rate_limited',
  'provider_unavailable',
  'provider_auth_failed',
  'safety_blocked',
  'invalid_request',
  'invalid_response',
  'worker_lost',
  // ours
  'service_unavailable',
  'storage_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDetail {
  /** Where the problem is, as the client named it: `body.content`, `query.limit`, `param.id`. */
  path?: string;
  message: string;
}

export interface AppErrorOptions {
  details?: ErrorDetail[];
  /** Whether doing the same thing again later could succeed. Default: false. */
  retryable?: boolean;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? [];
    this.retryable = options.retryable ?? false;
  }
}

export class ValidationFailed extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('validation_failed', message, { details });
  }
}

export class NotFound extends AppError {
  constructor(what: string, id?: string) {
    super('not_found', id === undefined ? `${what} not found` : `${what} ${id} not found`);
  }
}

export class Conflict extends AppError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** No credential, or one that is not (or no longer) valid: the client must sign in again. */
export class Unauthenticated extends AppError {
  constructor(message = 'a valid credential is required: send "Authorization: Bearer <access token or API key>"') {
    super('unauthenticated', message);
  }
}

/** A valid credential without the right to do this. */
export class Forbidden extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/**
 * Refused by one of our limits: too many requests (`rate_limited`) or no image quota left
 * (`quota_exceeded`). The gateway answers 429 with `Retry-After` from `retryAfterMs`.
 */
export class TooManyRequests extends AppError {
  readonly retryAfterMs: number;

  constructor(code: 'rate_limited' | 'quota_exceeded', message: string, retryAfterMs: number) {
    super(code, message, { retryable: true });
    this.retryAfterMs = retryAfterMs;
  }
}

/** A dependency of ours (Redis, a database) did not answer; the same request may work later. */
export class ServiceUnavailable extends AppError {
  /** Which dependency, when known: the pipeline waits out such an outage without spending attempts. */
  readonly dependency: Dependency | undefined;

  constructor(message: string, cause?: unknown, dependency?: Dependency) {
    super('service_unavailable', message, { retryable: true, cause });
    this.dependency = dependency;
  }
}

/**
 * The image storage could not keep or hand back a file (a folder that cannot be written, a full
 * disk, Cloudinary failing): not the request's fault, and worth trying again.
 */
export class StorageUnavailable extends AppError {
  constructor(message: string, cause?: unknown) {
    super('storage_unavailable', message, { retryable: true, cause });
  }
}

/** How a provider call failed, which decides whether and how it is retried. */
export type ProviderFailureKind =
  | 'rate_limited'
  | 'temporary'
  | 'auth'
  | 'safety_blocked'
  | 'invalid_request'
  | 'invalid_response';

const PROVIDER_CODES: Record<ProviderFailureKind, ErrorCode> = {
  rate_limited: 'rate_limited',
  temporary: 'provider_unavailable',
  auth: 'provider_auth_failed',
  safety_blocked: 'safety_blocked',
  invalid_request: 'invalid_request',
  invalid_response: 'invalid_response',
};

/** A failure of an external provider (Gemini, Cloudinary), classified once where it is caught. */
export class ProviderError extends AppError {
  readonly kind: ProviderFailureKind;
  readonly provider: string;
  /** For `rate_limited`: how long the provider asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    provider: string,
    kind: ProviderFailureKind,
    message: string,
    /** `code`: another code than the kind's own, e.g. `storage_unavailable` for a storage provider's outage. */
    options: { retryAfterMs?: number; cause?: unknown; code?: ErrorCode } = {},
  ) {
    super(options.code ?? PROVIDER_CODES[kind], `${provider}: ${message}`, {
      retryable: kind === 'temporary' || kind === 'rate_limited',
      cause: options.cause,
    });
    this.kind = kind;
    this.provider = provider;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Anything thrown, as an {@link AppError}. A dependency that is not answering (the database,
 * Redis, MongoDB: see outages.ts) is `service_unavailable` with a plain sentence naming it; any
 * other unknown error becomes `internal`, keeping its cause, and counts as retryable.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const dependency = outageOf(error);
  if (dependency) return new ServiceUnavailable(outageMessage(dependency), error, dependency);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', message || 'unexpected error', { cause: error, retryable: true });
}

/**
 * How an HTTP status from a provider is classified: 429 is `rate_limited`; 408, 5xx and 420
 * (Cloudinary's old rate-limit code is treated as a 429) are retried; 401/403 are `auth`; any
 * other 4xx is our request's fault.
 */
export function classifyHttpStatus(status: number): ProviderFailureKind {
  if (status === 429 || status === 420) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status >= 500) return 'temporary';
  if (status >= 400) return 'invalid_request';
  return 'invalid_response';
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
