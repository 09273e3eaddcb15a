import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * Moderation with Gemini on (MODERATION_POLICY=block): Gemini's own refusals and its safety
 * ratings, of the prompt (text model) and of the image (image model), sent by the fake in
 * Gemini's wire format through the real SDK.
 */

const TEXT_MODEL = 'gemini-2.5-flash';
const IMAGE_MODEL = 'gemini-2.5-flash-image';

let gemini: FakeGemini;
let atelier: TestAtelier;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;
let sessionId: string;

beforeAll(async () => {
  gemini = await startFakeGemini();
  atelier = await startTestAtelier({ GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: gemini.url, PROVIDER_TIMEOUT_MS: '5000' });
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
  sessionId = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  expect(await socket.emitWithAck('subscribe', { session_id: sessionId })).toMatchObject({ ok: true });
});

afterAll(async () => {
  await atelier?.close();
  await gemini?.close();
});

async function send(content: string): Promise<MessageEvent> {
  const posted = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, options: { width: 128, height: 128 } });
  expect(posted.status).toBe(202);
  return (await events.untilFinal(posted.body.id)).at(-1) as MessageEvent;
}

const filedFor = async (messageId: string) =>
  ((await atelier.api('GET', '/v1/gallery/?limit=100')).body.data as { message_id: string }[]).filter((row) => row.message_id === messageId);

const imageRequests = () => gemini.requests.filter((request) => request.model === IMAGE_MODEL).length;

describe('the prompt, rated by the text model', () => {
  it('an explicit prompt is refused offline: Gemini is never asked', async () => {
    const asked = gemini.requests.length;
    expect(await send('a nude study')).toMatchObject({ status: 'FAILED', error: { code: 'safety_blocked', stage: 'refining' } });
    expect(gemini.requests.length).toBe(asked);
  });

  it('a blocked prompt (promptFeedback.blockReason) ends FAILED safety_blocked, no image asked for', async () => {
    gemini.script(TEXT_MODEL, { safety: 'prompt' });
    const images = imageRequests();
    const final = await send('a scene the model refuses');
    expect(final).toMatchObject({ status: 'FAILED', image: null, error: { code: 'safety_blocked', stage: 'refining', retryable: false } });
    expect(imageRequests()).toBe(images);
    expect(await filedFor(final.id)).toEqual([]);
  });

  it('a HIGH rating without a block is refused too', async () => {
    gemini.script(TEXT_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HIGH' } });
    const images = imageRequests();
    const final = await send('a figure study in charcoal');
    expect(final).toMatchObject({ status: 'FAILED', error: { code: 'safety_blocked', stage: 'refining' } });
    expect((final.error as { message: string }).message).toContain('rated unsafe');
    expect(imageRequests()).toBe(images);
  });

  it('a MEDIUM rating makes the image, marked nsfw', async () => {
    gemini.script(TEXT_MODEL, { ratings: { HARM_CATEGORY_HARASSMENT: 'MEDIUM' }, at: 'prompt' });
    const final = await send('two knights trading insults');
    expect(final).toMatchObject({ status: 'DONE', image: { is_nsfw: true } });
    expect(await filedFor(final.id)).toMatchObject([{ is_nsfw: true }]);
  });
});

describe('the image, rated by the image model', () => {
  it('a HIGH rating fails the message at generating: nothing is stored or filed', async () => {
    gemini.script(IMAGE_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HIGH' } });
    const final = await send('a marble statue in a museum');
    expect(final).toMatchObject({ status: 'FAILED', image: null, error: { code: 'safety_blocked', stage: 'generating', retryable: false } });
    expect(await filedFor(final.id)).toEqual([]);
  });

  it('a MEDIUM rating is made and marked nsfw', async () => {
    gemini.script(IMAGE_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'MEDIUM' } });
    const final = await send('a beach at noon');
    expect(final).toMatchObject({ status: 'DONE', image: { is_nsfw: true } });
    expect(await filedFor(final.id)).toMatchObject([{ is_nsfw: true }]);
  });

  it('NEGLIGIBLE ratings leave it clean', async () => {
    gemini.script(IMAGE_MODEL, { ratings: {} });
    expect(await send('a lighthouse at dusk')).toMatchObject({ status: 'DONE', image: { is_nsfw: false } });
  });

  it('on the direct route: HIGH is 422 safety_blocked, MEDIUM is made and marked', async () => {
    gemini.script(IMAGE_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HIGH' } });
    const refused = await atelier.api('POST', '/v1/image/generate/', { prompt: 'a marble statue', width: 64, height: 64 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('safety_blocked');

    gemini.script(IMAGE_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'MEDIUM' } });
    const flagged = await atelier.api('POST', '/v1/image/generate/', { prompt: 'a beach', width: 64, height: 64 });
    expect(flagged.status).toBe(201);
    expect(flagged.body.is_nsfw).toBe(true);
    expect((await atelier.api('GET', `/v1/gallery/${flagged.body.id}/`)).body.is_nsfw).toBe(true);
  });
});
