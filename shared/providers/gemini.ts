import { ApiError, type GenerateContentResponse, type HttpOptions } from '@google/genai';
import { classifyHttpStatus, parseRetryAfter, ProviderError } from '../errors.js';

// Shared by the prompt service's and the image service's Gemini engines: one SDK, one way its
// failures are read.

export const GEMINI_PROVIDER = 'gemini';

/**
 * Run one SDK call and turn any failure into a {@link ProviderError}. The SDK's `ApiError` keeps
 * the status and body but drops the headers, so the call gets a fetch that remembers Retry-After.
 * No SDK retries: the pipeline's job retries decide when to try again.
 */
export async function callGemini<T>(timeoutMs: number, run: (httpOptions: HttpOptions) => Promise<T>): Promise<T> {
  let retryAfter: string | null = null;
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) retryAfter = response.headers.get('retry-after');
    return response;
  };
  try {
    return await run({ fetch: recordingFetch });
  } catch (error) {
    throw classifyGeminiError(error, { retryAfter, timeoutMs }) ?? error;
  }
}

/**
 * What kind of failure an SDK error is: an HTTP error by its status (429 with the wait from
 * Retry-After, else from the body's google.rpc.RetryInfo), a timeout or a lost connection as
 * `temporary`, an unreadable body as `invalid_response`. Undefined for anything else (a bug of
 * ours, say), which the caller rethrows as it is.
 */
export function classifyGeminiError(
  error: unknown,
  hints: { retryAfter?: string | null; timeoutMs?: number } = {},
): ProviderError | undefined {
  if (error instanceof ProviderError) return error;
  if (error instanceof ApiError) {
    const kind = classifyHttpStatus(error.status);
    const body = parseJson(error.message);
    const retryAfterMs = kind === 'rate_limited' ? (parseRetryAfter(hints.retryAfter) ?? retryDelayOf(body)) : undefined;
    const message = `HTTP ${error.status}: ${googleMessage(body) ?? error.message}`;
    return new ProviderError(GEMINI_PROVIDER, kind, message, { retryAfterMs, cause: error });
  }
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') {
    const within = hints.timeoutMs === undefined ? '' : ` within ${hints.timeoutMs} ms`;
    return new ProviderError(GEMINI_PROVIDER, 'temporary', `no answer${within}`, { cause: error });
  }
  const connection = connectionFailure(error);
  if (connection) return new ProviderError(GEMINI_PROVIDER, 'temporary', `could not reach the API (${connection})`, { cause: error });
  if (error instanceof SyntaxError) {
    return new ProviderError(GEMINI_PROVIDER, 'invalid_response', `the reply is not JSON: ${error.message}`, { cause: error });
  }
  return undefined;
}

/**
 * Why Gemini refused, or undefined: a blocked prompt (`promptFeedback.blockReason`) or a first
 * candidate stopped for its content. Recitation counts: the model will not give that answer again.
 */
export function refusalOf(response: GenerateContentResponse): string | undefined {
  const feedback = response.promptFeedback;
  if (feedback?.blockReason) {
    return `the prompt was blocked (${feedback.blockReason}${feedback.blockReasonMessage ? `: ${feedback.blockReasonMessage}` : ''})`;
  }
  const reason = response.candidates?.[0]?.finishReason;
  return reason && REFUSED.has(reason) ? `the answer was blocked (${reason})` : undefined;
}

const REFUSED = new Set<string>([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The connection error code or message in the error or its causes (undici wraps them in "fetch failed"). */
function connectionFailure(error: Error): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('UND_ERR_'))) return code;
    current = current.cause;
  }
  return error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated') ? error.message : undefined;
}

interface GoogleStatus {
  message?: unknown;
  details?: unknown;
}

function googleStatus(body: unknown): GoogleStatus | undefined {
  const first = Array.isArray(body) ? body[0] : body;
  const error = (first as { error?: unknown } | undefined)?.error;
  return typeof error === 'object' && error !== null ? (error as GoogleStatus) : undefined;
}

function googleMessage(body: unknown): string | undefined {
  const message = googleStatus(body)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** google.rpc.RetryInfo's `retryDelay` ("17s", "0.5s") in milliseconds. */
function retryDelayOf(body: unknown): number | undefined {
  const details = googleStatus(body)?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as { '@type'?: unknown; retryDelay?: unknown }[]) {
    if (typeof detail?.['@type'] !== 'string' || !detail['@type'].endsWith('google.rpc.RetryInfo')) continue;
    const match = typeof detail.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay) : null;
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
