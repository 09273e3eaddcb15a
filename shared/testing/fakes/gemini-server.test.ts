import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from './gemini-server.js';

let fake: FakeGemini;

beforeEach(async () => {
  fake = await startFakeGemini();
});

afterEach(async () => {
  await fake.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = { 'x-goog-api-key': 'k' }) =>
  fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The refinement JSON in a 200 answer's first text part. */
async function refinementIn(response: Response): Promise<unknown> {
  const body = (await response.json()) as { candidates: { content: { parts: { text: string }[] } }[] };
  return JSON.parse(body.candidates[0]?.content.parts[0]?.text ?? '');
}

const ask = (prompt: string) => ({ contents: [{ role: 'user', parts: [{ text: prompt }] }] });

describe('the fake Gemini', () => {
  it('takes the key from the header or ?key=, and refuses a request without one', async () => {
    expect((await post('/v1beta/models/m:generateContent', ask('hi'))).status).toBe(200);
    expect((await post('/v1beta/models/m:generateContent?key=q', ask('hi'), {})).status).toBe(200);
    expect((await post('/v1beta/models/m:generateContent', ask('hi'), {})).status).toBe(401);
    expect(fake.requests.map((request) => request.apiKey)).toEqual(['k', 'q', undefined]);
  });

  it('answers an unknown path with a Google-style 404', async () => {
    const response = await post('/v1beta/models/m:countTokens', ask('hi'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });

  it('plays a model\'s script in order, then answers ok', async () => {
    fake.script('m', { status: 503 }, { status: 429, headers: { 'retry-after': '4' } });
    const first = await post('/v1beta/models/m:generateContent', ask('a fox'));
    const second = await post('/v1beta/models/m:generateContent', ask('a fox'));
    const third = await post('/v1beta/models/m:generateContent', ask('a fox'));
    expect([first.status, second.status, third.status]).toEqual([503, 429, 200]);
    expect(second.headers.get('retry-after')).toBe('4');
    expect(await refinementIn(third)).toMatchObject({ intent: 'generate' });
  });

  it('holds an answer until released, and waitForRequest sees the request arrive', async () => {
    let release!: () => void;
    fake.script('m', { hold: new Promise<void>((resolve) => (release = resolve)) });
    const arrived = fake.waitForRequest((request) => request.model === 'm');
    let answered = false;
    const response = post('/v1beta/models/m:generateContent', ask('hello')).then((r) => {
      answered = true;
      return r;
    });
    expect((await arrived).path).toBe('/v1beta/models/m:generateContent');
    // Another model's request goes all the way through while the held one still waits.
    expect((await post('/v1beta/models/other:generateContent', ask('a fox'))).status).toBe(200);
    expect(answered).toBe(false);
    release();
    expect(await refinementIn(await response)).toMatchObject({ intent: 'chat' });
  });

  it('rates an answer like Gemini: one rating per harm category, on the candidate or the prompt', async () => {
    fake.script('m', { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HIGH' } }, { ratings: { HARM_CATEGORY_HARASSMENT: 'MEDIUM' }, at: 'prompt' });
    const candidate = (await (await post('/v1beta/models/m:generateContent', ask('a fox'))).json()) as {
      candidates: { finishReason: string; safetyRatings: { category: string; probability: string }[] }[];
    };
    expect(candidate.candidates[0]?.finishReason).toBe('STOP');
    expect(candidate.candidates[0]?.safetyRatings).toEqual([
      { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'HIGH' },
      { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
      { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
    ]);
    const prompt = (await (await post('/v1beta/models/m:generateContent', ask('a fox'))).json()) as {
      promptFeedback: { safetyRatings: { category: string; probability: string }[] };
    };
    expect(prompt.promptFeedback.safetyRatings).toContainEqual({ category: 'HARM_CATEGORY_HARASSMENT', probability: 'MEDIUM' });
  });

  it('closes even while a request hangs', async () => {
    fake.script('m', { hang: true });
    const pending = post('/v1beta/models/m:generateContent', ask('a fox')).catch((error: unknown) => error);
    await fake.waitForRequest();
    await fake.close();
    expect(await pending).toBeInstanceOf(Error);
    fake = await startFakeGemini(); // afterEach closes this one
  });
});
