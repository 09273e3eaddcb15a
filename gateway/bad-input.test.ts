import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type ApiResponse, type TestAtelier } from './test-harness.js';

/**
 * Bad input gets a clear 4xx in the one error envelope and changes nothing. Runs against the
 * whole system, as a client would meet it.
 */

let atelier: TestAtelier;
let sessionId: string;
const missingId = '0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d';

beforeAll(async () => {
  atelier = await startTestAtelier({ BODY_LIMIT_BYTES: '8192', CORS_ORIGINS: 'https://ui.example' });
  sessionId = (await atelier.api('POST', '/api/v1/chat/sessions', {})).body.id;
});

afterAll(async () => {
  await atelier?.close();
});

function expectEnvelope(response: ApiResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  expect(response.body.error.request_id).toBe(response.headers.get('x-request-id'));
  expect(response.body.error.request_id).not.toBe('');
}

async function storedMessages(): Promise<number> {
  return (await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages?limit=100`)).body.data.length;
}

async function storedImages(): Promise<number> {
  const live = (await atelier.api('GET', '/v1/gallery?limit=100')).body.data.length;
  const trash = (await atelier.api('GET', '/v1/gallery/deleted?limit=100')).body.data.length;
  return live + trash;
}

describe('posting a message', () => {
  const messages = () => `/api/v1/chat/sessions/${sessionId}/messages/`;

  const cases: Array<{ name: string; body: unknown; status: number; code: string; path?: string }> = [
    { name: 'malformed JSON', body: '{"content": "a cat"', status: 400, code: 'invalid_json' },
    { name: 'missing content', body: {}, status: 400, code: 'validation_failed', path: 'body.content' },
    { name: 'empty content', body: { content: '' }, status: 400, code: 'validation_failed', path: 'body.content' },
    { name: 'only whitespace', body: { content: ' \n\t ' }, status: 400, code: 'validation_failed', path: 'body.content' },
    { name: 'content of the wrong type', body: { content: 42 }, status: 400, code: 'validation_failed', path: 'body.content' },
    { name: 'a JSON array', body: [], status: 400, code: 'validation_failed' },
    { name: 'content too long', body: { content: 'a'.repeat(4001) }, status: 400, code: 'validation_failed', path: 'body.content' },
    { name: 'width too small', body: { content: 'a cat', options: { width: 10 } }, status: 400, code: 'validation_failed', path: 'body.options.width' },
    { name: 'height too large', body: { content: 'a cat', options: { height: 4096 } }, status: 400, code: 'validation_failed', path: 'body.options.height' },
    { name: 'a size that is not a number', body: { content: 'a cat', options: { width: 'big' } }, status: 400, code: 'validation_failed', path: 'body.options.width' },
    {
      name: 'a ratio that makes a side too large',
      body: { content: 'a cat', options: { width: 2000, aspect_ratio: '1:4' } },
      status: 400,
      code: 'validation_failed',
    },
    { name: 'an unknown format', body: { content: 'a cat', options: { format: 'gif' } }, status: 400, code: 'validation_failed', path: 'body.options.format' },
    { name: 'a negative seed', body: { content: 'a cat', options: { seed: -1 } }, status: 400, code: 'validation_failed', path: 'body.options.seed' },
    { name: 'a body over the limit', body: { content: 'a'.repeat(10_000) }, status: 413, code: 'payload_too_large' },
  ];

  it.each(cases)('$name → $status $code, nothing stored', async ({ body, status, code, path }) => {
    const before = await storedMessages();
    const response = await atelier.api('POST', messages(), body);
    expectEnvelope(response, status, code);
    if (path) expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect(await storedMessages()).toBe(before);
  });

  it('a body that is not JSON → 415', async () => {
    const response = await atelier.api('POST', messages(), undefined, { 'content-type': 'text/plain' });
    expect(response.status).not.toBe(202);
    const text = await fetch(new URL(messages(), atelier.url), {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${atelier.token}` },
      body: 'a cat',
    });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('an unknown session → 404; a malformed session id → 400', async () => {
    expectEnvelope(await atelier.api('POST', `/api/v1/chat/sessions/${missingId}/messages`, { content: 'a cat' }), 404, 'not_found');
    const malformed = await atelier.api('POST', '/api/v1/chat/sessions/not-a-uuid/messages', { content: 'a cat' });
    expectEnvelope(malformed, 400, 'validation_failed');
    expect(malformed.body.error.details[0].path).toBe('param.id');
  });
});

describe('reading', () => {
  it('an unknown message or session → 404, malformed ids → 400', async () => {
    expectEnvelope(await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/${missingId}/`), 404, 'not_found');
    expectEnvelope(await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/123/`), 400, 'validation_failed');
    expectEnvelope(await atelier.api('GET', `/api/v1/chat/sessions/${missingId}/`), 404, 'not_found');
    expectEnvelope(await atelier.api('GET', `/api/v1/chat/sessions/${missingId}/messages/`), 404, 'not_found');
    expectEnvelope(await atelier.api('DELETE', `/api/v1/chat/sessions/${missingId}/`), 404, 'not_found');
  });

  it('a made-up cursor or an out-of-range limit → 400', async () => {
    expectEnvelope(await atelier.api('GET', '/api/v1/chat/sessions?cursor=bm9wZQ'), 400, 'validation_failed');
    expectEnvelope(await atelier.api('GET', '/api/v1/chat/sessions?limit=0'), 400, 'validation_failed');
    expectEnvelope(await atelier.api('GET', '/api/v1/chat/sessions?limit=1000'), 400, 'validation_failed');
    expectEnvelope(await atelier.api('GET', '/v1/gallery?cursor=%%%'), 400, 'validation_failed');
  });

  it('an unknown route → 404 route_not_found', async () => {
    expectEnvelope(await atelier.api('GET', '/api/v2/nothing'), 404, 'route_not_found');
  });
});

describe('the gallery', () => {
  const cases: Array<{ name: string; method: string; path: string; body?: unknown; status: number; code: string }> = [
    { name: 'get with a non-uuid id', method: 'GET', path: '/v1/gallery/abc/', status: 400, code: 'validation_failed' },
    { name: 'delete with a non-uuid id', method: 'DELETE', path: '/v1/gallery/abc/', status: 400, code: 'validation_failed' },
    { name: 'restore with a non-uuid id', method: 'POST', path: '/v1/gallery/abc/restore/', status: 400, code: 'validation_failed' },
    { name: 'permanent delete with a non-uuid id', method: 'DELETE', path: '/v1/gallery/abc/permanent/', status: 400, code: 'validation_failed' },
    { name: 'an unknown image', method: 'GET', path: `/v1/gallery/${missingId}/`, status: 404, code: 'not_found' },
    { name: 'restoring an unknown image', method: 'POST', path: `/v1/gallery/${missingId}/restore/`, status: 404, code: 'not_found' },
    { name: 'a record without a url', method: 'POST', path: '/v1/gallery/', body: { prompt: 'x', width: 10, height: 10, format: 'png' }, status: 400, code: 'validation_failed' },
    {
      name: 'a record with a non-http url',
      method: 'POST',
      path: '/v1/gallery/',
      body: { url: 'javascript:alert(1)', prompt: 'x', width: 10, height: 10, format: 'png' },
      status: 400,
      code: 'validation_failed',
    },
  ];

  it.each(cases)('$name → $status $code, nothing stored', async ({ method, path, body, status, code }) => {
    const before = await storedImages();
    expectEnvelope(await atelier.api(method, path, body), status, code);
    expect(await storedImages()).toBe(before);
  });
});

describe('the direct services', () => {
  it('refuses an empty prompt and out-of-range sizes', async () => {
    expectEnvelope(await atelier.api('POST', '/v1/prompt/refine/', { prompt: '   ' }), 400, 'validation_failed');
    expectEnvelope(await atelier.api('POST', '/v1/image/generate/', { prompt: 'a cat', width: 5000 }), 400, 'validation_failed');
    expectEnvelope(await atelier.api('POST', '/v1/image/generate/', { prompt: 'a cat', height: 63 }), 400, 'validation_failed');
  });
});

describe('the gateway', () => {
  it('answers with and without the trailing slash', async () => {
    for (const path of ['/api/v1/chat/sessions', '/api/v1/chat/sessions/', '/v1/gallery', '/v1/gallery/', '/health', '/health/']) {
      expect((await atelier.api('GET', path)).status, path).toBe(200);
    }
  });

  it('sets a request id, CORS and security headers on every response', async () => {
    const response = await fetch(new URL('/v1/gallery/', atelier.url), { headers: { origin: 'https://ui.example' } });
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://ui.example');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const given = await fetch(new URL('/health', atelier.url), { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
  });

  it('lets a browser read the headers it needs, and answers its preflight', async () => {
    const response = await fetch(new URL('/v1/gallery/', atelier.url), { headers: { origin: 'https://ui.example' } });
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'location', 'retry-after', 'idempotent-replayed']));
    const preflight = await fetch(new URL(`/api/v1/chat/sessions/${sessionId}/messages/`, atelier.url), {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://ui.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,idempotency-key');
  });

  it('reports health and readiness of each dependency', async () => {
    expect((await atelier.api('GET', '/health')).body).toEqual({ status: 'ok' });
    const ready = await atelier.api('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(Object.values(ready.body.checks).every((check) => (check as { ok: boolean }).ok)).toBe(true);
    expect(Object.keys(ready.body.checks)).toEqual(expect.arrayContaining(['redis', expect.stringMatching(/^database \((postgres|pglite)\)$/)]));
  });

  it('publishes the OpenAPI document with the trailing-slash paths, and a docs page with local assets', async () => {
    const document = await atelier.api('GET', '/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/chat/sessions/',
        '/api/v1/chat/sessions/{id}/messages/',
        '/api/v1/chat/sessions/{id}/messages/{message_id}/',
        '/v1/prompt/refine/',
        '/v1/image/generate/',
        '/v1/gallery/',
        '/v1/gallery/deleted/',
        '/v1/gallery/{id}/restore/',
        '/v1/gallery/{id}/permanent/',
        '/health',
        '/ready',
      ]),
    );
    const page = await atelier.api('GET', '/docs');
    expect(page.status).toBe(200);
    const scripts = [...String(page.body).matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const asset of scripts) {
      expect(asset.startsWith('/')).toBe(true); // served by us: no CDN
      expect((await fetch(new URL(asset, atelier.url))).status, asset).toBe(200);
    }
  });
});
