import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../errors.js';
import { classifyGeminiError } from './gemini.js';

const apiError = (status: number, body: unknown) => new ApiError({ status, message: JSON.stringify(body) });
const status = (code: number, details?: unknown[]) => ({ error: { code, message: 'boom', status: 'X', ...(details && { details }) } });
const retryInfo = (retryDelay: unknown) => [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }];
const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('classifyGeminiError', () => {
  it.each([
    ['HTTP 500', apiError(500, status(500)), {}, 'temporary', undefined],
    ['HTTP 503', apiError(503, status(503)), {}, 'temporary', undefined],
    ['HTTP 408', apiError(408, status(408)), {}, 'temporary', undefined],
    ['HTTP 401', apiError(401, status(401)), {}, 'auth', undefined],
    ['HTTP 403', apiError(403, status(403)), {}, 'auth', undefined],
    ['HTTP 400', apiError(400, status(400)), {}, 'invalid_request', undefined],
    ['HTTP 404 (an unknown model)', apiError(404, status(404)), {}, 'invalid_request', undefined],
    ['429 with Retry-After', apiError(429, status(429, retryInfo('9s'))), { retryAfter: '3' }, 'rate_limited', 3000],
    ['429 with RetryInfo', apiError(429, status(429, retryInfo('17s'))), {}, 'rate_limited', 17_000],
    ['429 with a fractional RetryInfo', apiError(429, status(429, retryInfo('0.5s'))), {}, 'rate_limited', 500],
    ['429 in an array body', apiError(429, [status(429, retryInfo('2s'))]), {}, 'rate_limited', 2000],
    ['429 with an unreadable RetryInfo', apiError(429, status(429, retryInfo({ seconds: 3 }))), {}, 'rate_limited', undefined],
    ['429 with no hint', apiError(429, status(429)), {}, 'rate_limited', undefined],
    ['a retry hint on a 500 is ignored', apiError(500, status(500, retryInfo('5s'))), { retryAfter: '5' }, 'temporary', undefined],
    ['the timeout firing', new DOMException('This operation was aborted', 'AbortError'), { timeoutMs: 300 }, 'temporary', undefined],
    ['a TimeoutError', new DOMException('timed out', 'TimeoutError'), {}, 'temporary', undefined],
    ['ECONNREFUSED', fetchFailed('ECONNREFUSED'), {}, 'temporary', undefined],
    ['ECONNRESET', fetchFailed('ECONNRESET'), {}, 'temporary', undefined],
    ['an undici socket error', fetchFailed('UND_ERR_SOCKET'), {}, 'temporary', undefined],
    ['a body cut short', new TypeError('terminated'), {}, 'temporary', undefined],
    ['a body that is not JSON', new SyntaxError('Unexpected end of JSON input'), {}, 'invalid_response', undefined],
  ] as const)('%s', (_name, error, hints, kind, retryAfterMs) => {
    const classified = classifyGeminiError(error, hints);
    expect(classified).toBeInstanceOf(ProviderError);
    expect({ kind: classified?.kind, retryAfterMs: classified?.retryAfterMs, provider: classified?.provider }).toEqual({
      kind,
      retryAfterMs,
      provider: 'gemini',
    });
    expect(classified?.cause).toBe(error);
  });

  it('puts Google\'s message, not the raw JSON, in the error', () => {
    const classified = classifyGeminiError(apiError(400, { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' } }));
    expect(classified?.message).toBe('gemini: HTTP 400: API key not valid.');
  });

  it('leaves what it does not recognise alone', () => {
    expect(classifyGeminiError(new RangeError('a bug of ours'))).toBeUndefined();
    expect(classifyGeminiError('a string')).toBeUndefined();
  });

  it('passes a ProviderError through', () => {
    const error = new ProviderError('gemini', 'safety_blocked', 'no');
    expect(classifyGeminiError(error)).toBe(error);
  });
});
