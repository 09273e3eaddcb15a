import { describe, expect, it } from 'vitest';
import { NotFound } from '../../shared/errors.js';
import { toProviderError } from './cloudinary-errors.js';

// The shapes the SDK rejects with, as read in node_modules/cloudinary/lib (uploader.js,
// api_client/execute_request.js).
describe('toProviderError', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  it.each([
    { what: 'an upload error body', error: { message: 'Server error', http_code: 500, name: 'Error' }, kind: 'temporary', message: 'upload failed (HTTP 500: Server error)' },
    { what: 'an unexpected status', error: { message: 'Server returned unexpected status code - 502', http_code: 502, name: 'UnexpectedResponse' }, kind: 'temporary' },
    { what: 'a rate limit (420)', error: { message: 'Rate Limit Exceeded', http_code: 420 }, kind: 'rate_limited' },
    { what: 'a rate limit (429)', error: { message: 'Too many', http_code: 429 }, kind: 'rate_limited' },
    { what: 'a bad signature', error: { message: 'Invalid Signature x', http_code: 401 }, kind: 'auth' },
    { what: 'a forbidden call', error: { message: 'Forbidden', http_code: 403 }, kind: 'auth' },
    { what: 'a bad parameter', error: { message: 'Invalid image file', http_code: 400 }, kind: 'invalid_request' },
    { what: "the SDK's own timeout", error: { message: 'Request Timeout', http_code: 499, name: 'TimeoutError' }, kind: 'temporary', message: 'upload failed (timed out)' },
    { what: 'a socket error, wrapped', error: { error: refused }, kind: 'temporary', message: 'upload failed (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1)' },
    { what: 'a socket error', error: refused, kind: 'temporary' },
    { what: 'an Admin API rejection', error: { request_options: { auth: 'k:s' }, error: { message: 'Invalid credentials', http_code: 401 } }, kind: 'auth' },
    { what: 'the SDK refusing the call', error: new Error('Must supply api_key'), kind: 'invalid_request', message: 'upload failed (Must supply api_key)' },
    { what: 'a thrown string', error: 'boom', kind: 'invalid_request', message: 'upload failed (boom)' },
  ])('$what is $kind', ({ error, kind, message }) => {
    const mapped = toProviderError(error, 'upload');
    expect(mapped).toMatchObject({ name: 'ProviderError', provider: 'cloudinary', kind });
    if (message) expect(mapped.message).toBe(`cloudinary: ${message}`);
  });

  it('keeps neither the request options nor the credentials of an Admin API rejection', () => {
    const mapped = toProviderError({ request_options: { auth: 'key:the-secret' }, query_params: '', error: { message: 'Invalid credentials', http_code: 401 } }, 'ping');
    expect(mapped.cause).toEqual(expect.objectContaining({ message: 'Invalid credentials', status: 401 }));
    expect(JSON.stringify(mapped.cause)).not.toContain('the-secret');
  });

  it('passes our own errors through', () => {
    const notFound = new NotFound('stored file', 'x');
    expect(toProviderError(notFound, 'upload')).toBe(notFound);
  });
});
