import { AppError, ProviderError, classifyHttpStatus, type ProviderFailureKind } from '../../shared/errors.js';

export const PROVIDER = 'cloudinary';

/**
 * Anything a Cloudinary SDK call rejected with, as a {@link ProviderError}. The SDK rejects with
 * `{ message, http_code }`, with `{ error: … }` around it, or with a Node error; a timed-out
 * upload is `http_code: 499, name: 'TimeoutError'`. An HTTP status is classified by
 * `classifyHttpStatus`; a timeout or a socket error (it carries a `code`) is temporary; an error
 * with neither is the SDK refusing our call before sending it.
 *
 * The SDK's Admin API rejections carry the request options, Basic auth (key:secret) included, so
 * the cause kept here is a fresh error with the message and status only, never the raw value.
 */
export function toProviderError(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  const inner = unwrap(error);
  const message = inner === undefined ? String(error) : messageOf(inner);
  const status = typeof inner?.http_code === 'number' ? inner.http_code : undefined;
  const code = typeof inner?.code === 'string' ? inner.code : undefined;

  let kind: ProviderFailureKind;
  let detail: string;
  if (inner?.name === 'TimeoutError' || status === 499) {
    kind = 'temporary';
    detail = 'timed out';
  } else if (status !== undefined) {
    kind = classifyHttpStatus(status);
    detail = `HTTP ${status}: ${message}`;
  } else if (code !== undefined) {
    kind = 'temporary';
    detail = `${code}: ${message}`;
  } else {
    kind = 'invalid_request';
    detail = message;
  }
  const cause = Object.assign(new Error(message), status === undefined ? {} : { status }, code === undefined ? {} : { code });
  return new ProviderError(PROVIDER, kind, `${action} failed (${detail})`, { cause, ...storageCode(kind) });
}

/** A call that ran past its deadline: worth trying again. */
export function timedOut(action: string, timeoutMs: number): ProviderError {
  return new ProviderError(PROVIDER, 'temporary', `${action} timed out after ${timeoutMs} ms`, storageCode('temporary'));
}

/** Cloudinary is where images are stored: its outage is the storage's, `storage_unavailable`. */
export function storageCode(kind: ProviderFailureKind): { code?: 'storage_unavailable' } {
  return kind === 'temporary' ? { code: 'storage_unavailable' } : {};
}

interface SdkError {
  message?: unknown;
  http_code?: unknown;
  name?: unknown;
  code?: unknown;
}

function unwrap(error: unknown): SdkError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const wrapped = (error as { error?: unknown }).error;
  if (typeof wrapped === 'object' && wrapped !== null) return wrapped as SdkError;
  return error as SdkError;
}

function messageOf(inner: SdkError | undefined): string {
  const message = inner?.message;
  if (typeof message === 'string' && message) return message.slice(0, 500);
  if (message instanceof Error) return message.message;
  return 'no message';
}
