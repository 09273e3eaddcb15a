import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { startTestAtelier, type TestAtelier } from './test-harness.js';

/** The prompt and image routes on Gemini: a provider's failure reaches the client classified. */

let gemini: FakeGemini;
let atelier: TestAtelier;

beforeAll(async () => {
  gemini = await startFakeGemini();
  atelier = await startTestAtelier({ GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: gemini.url, PROVIDER_TIMEOUT_MS: '3000' });
});

afterAll(async () => {
  await atelier?.close();
  await gemini?.close();
});

describe('the direct routes on Gemini', () => {
  it('refine answers from Gemini', async () => {
    const refined = await atelier.api('POST', '/v1/prompt/refine/', { prompt: 'a cat on a roof' });
    expect(refined.status).toBe(200);
    expect(refined.body).toMatchObject({ intent: 'generate', provider: 'gemini', model: 'gemini-2.5-flash' });
  });

  const cases = [
    { name: 'rate limited', step: { status: 429, headers: { 'retry-after': '7' } }, status: 429, code: 'rate_limited', retryAfter: '7' },
    { name: 'unavailable', step: { status: 503 }, status: 503, code: 'provider_unavailable' },
    { name: 'refused our key', step: { status: 401 }, status: 502, code: 'provider_auth_failed' },
    { name: 'blocked for safety', step: { safety: true as const }, status: 422, code: 'safety_blocked' },
    { name: 'answered nonsense', step: { malformed: true as const }, status: 502, code: 'invalid_response' },
  ];

  it.each(cases)('a provider that $name → $status $code', async ({ step, status, code, retryAfter }) => {
    gemini.script('gemini-2.5-flash-image', step);
    const response = await atelier.api('POST', '/v1/image/generate/', { prompt: 'a cat on a roof', width: 128, height: 128 });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.headers.get('retry-after')).toBe(retryAfter ?? null);
  });
});
