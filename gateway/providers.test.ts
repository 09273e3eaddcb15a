import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudinary, type FakeCloudinary } from '../shared/testing/fakes/cloudinary-server.js';
import { lastUserText, startFakeGemini, textResponse, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * The whole system with its production engines switched on (Gemini through @google/genai,
 * Cloudinary through its SDK), each pointed at a local fake that speaks its wire format, and
 * the pipeline's behaviour when those providers misbehave.
 */

const TEXT_MODEL = 'gemini-2.5-flash';
const IMAGE_MODEL = 'gemini-2.5-flash-image';

let gemini: FakeGemini;
let cloudinary: FakeCloudinary;
let atelier: TestAtelier;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;

beforeAll(async () => {
  [gemini, cloudinary] = await Promise.all([startFakeGemini(), startFakeCloudinary()]);
  atelier = await startTestAtelier({
    GEMINI_API_KEY: 'test-key',
    GEMINI_BASE_URL: gemini.url,
    CLOUDINARY_URL: cloudinary.cloudinaryUrl,
    JOB_ATTEMPTS: '3',
    JOB_BACKOFF_MS: '50',
    PROVIDER_TIMEOUT_MS: '5000',
  });
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
});

afterAll(async () => {
  await atelier?.close();
  await Promise.all([gemini?.close(), cloudinary?.close()]);
});

async function newSession(): Promise<string> {
  const id = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  expect(await socket.emitWithAck('subscribe', { session_id: id })).toMatchObject({ ok: true });
  return id;
}

async function send(sessionId: string, content: string, options?: Record<string, unknown>) {
  const posted = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, {
    content,
    ...(options ? { options } : {}),
  });
  expect(posted.status).toBe(202);
  const history = await events.untilFinal(posted.body.id);
  const final = history.at(-1) as MessageEvent;
  expect((await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/${posted.body.id}/`)).body).toEqual(final);
  return { id: posted.body.id as string, history, final };
}

const imageRequestsFor = (prompt: string) =>
  gemini.requests.filter((request) => request.model === IMAGE_MODEL && lastUserText(request.body).includes(prompt));

describe('the main path on Gemini and Cloudinary', () => {
  let sessionId: string;
  let first: MessageEvent;

  it('makes the image with Gemini, stores it in Cloudinary and files it', async () => {
    sessionId = await newSession();
    const { id, final } = await send(sessionId, 'Create a sunset landscape', { width: 640, height: 384 });
    first = final;
    expect(final).toMatchObject({ status: 'DONE', intent: 'generate', attempts: 1 });
    expect(final.refinement).toMatchObject({ provider: 'gemini', model: TEXT_MODEL, cached: false });

    // what the SDK sent to Gemini
    const refine = gemini.requests.find((request) => request.model === TEXT_MODEL && lastUserText(request.body) === 'Create a sunset landscape');
    expect(refine?.apiKey).toBe('test-key');
    expect(refine?.body.generationConfig?.responseMimeType).toBe('application/json');
    expect(refine?.body.generationConfig?.responseJsonSchema ?? refine?.body.generationConfig?.responseSchema).toBeTruthy();
    const [generate] = imageRequestsFor('sunset landscape');
    expect(generate?.body.generationConfig?.responseModalities).toContain('IMAGE');
    // 640×384 is 5:3; the nearest ratio Gemini takes is 16:9
    expect(generate?.body.generationConfig?.imageConfig?.aspectRatio).toBe('16:9');

    // what the SDK sent to Cloudinary
    const upload = cloudinary.uploads.find((candidate) => candidate.context.message_id === id);
    expect(upload).toMatchObject({ signatureValid: true, folder: `atelier/users/${atelier.user.id}`, publicId: expect.any(String) });
    expect(upload?.tags).toEqual(expect.arrayContaining(['generate', 'gemini']));
    expect(upload?.context.session_id).toBe(sessionId);

    // the stored image is real, of the asked size, served from Cloudinary
    const image = final.image as { url: string; thumbnail_url: string; bytes: number; width: number; height: number };
    expect(image.url).toContain(cloudinary.origin);
    expect(image.thumbnail_url).toMatch(/c_fill,h_256,w_256/);
    const bytes = Buffer.from(await (await fetch(image.url)).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 640, height: 384, format: 'png' });
    expect(image.bytes).toBe(bytes.length);

    // provider usage and stage timings are kept on the message
    expect(final.usage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stage: 'refining', provider: 'gemini', model: TEXT_MODEL, input_tokens: expect.any(Number) }),
        expect.objectContaining({ stage: 'generating', provider: 'gemini', model: IMAGE_MODEL, images: 1 }),
      ]),
    );
    expect(Object.keys(final.timings_ms as object)).toEqual(expect.arrayContaining(['refining', 'generating', 'uploading', 'saving']));

    const [row] = (await atelier.api('GET', '/v1/gallery/')).body.data;
    expect(row).toMatchObject({ id: (final.image as { id: string }).id, storage: 'cloudinary', url: image.url, bytes: image.bytes });
    // …and on its gallery image, which outlives the message (docs/gallery.md, "Finding images")
    expect(row.usage).toEqual(final.usage);
    const { refining, generating, uploading } = final.timings_ms as Record<string, number>;
    expect(row.timings_ms).toEqual({ refining, generating, uploading });
    expect(row.negative_prompt).toBe((final.refinement as { negative_prompt: string }).negative_prompt);
    expect(cloudinary.assets.has(`${upload?.folder}/${upload?.publicId}`)).toBe(true);
  });

  it('edits with the previous image sent to Gemini as the reference', async () => {
    const { final } = await send(sessionId, 'make it black and white');
    expect(final).toMatchObject({ status: 'DONE', intent: 'edit' });
    const [edit] = imageRequestsFor('make it black and white');
    const reference = edit?.body.contents?.flatMap((content) => content.parts ?? []).find((part) => part.inlineData);
    expect(reference?.inlineData?.mimeType).toBe('image/png');
    const previous = Buffer.from(await (await fetch((first.image as { url: string }).url)).arrayBuffer());
    expect(Buffer.from(reference?.inlineData?.data ?? '', 'base64').equals(previous)).toBe(true);
  });

  it('enhances, answers a chat message, and serves a repeated prompt from the cache', async () => {
    gemini.script(TEXT_MODEL, {
      ok: textResponse(JSON.stringify({ intent: 'enhance', confidence: 0.9, refined_prompt: 'sharper, more detail', negative_prompt: '', reply: 'Enhancing.' })),
    });
    const enhanced = await send(sessionId, 'can you improve the quality?');
    expect(enhanced.final).toMatchObject({ status: 'DONE', intent: 'enhance', image: { width: 1280, height: 768 } });

    const chat = await send(sessionId, 'hello there');
    expect(chat.final).toMatchObject({ status: 'DONE', intent: 'chat', image: null, reply: expect.any(String) });

    // a new session asks exactly what the first one did: same prompt, same (empty) context
    const textCallsBefore = gemini.requests.filter((request) => request.model === TEXT_MODEL).length;
    const again = await send(await newSession(), 'Create a sunset landscape', { width: 640, height: 384 });
    expect(again.final).toMatchObject({ status: 'DONE', refinement: { cached: true } });
    expect(gemini.requests.filter((request) => request.model === TEXT_MODEL)).toHaveLength(textCallsBefore);
  });

  it('regenerates with a new seed and no second call to the prompt model', async () => {
    const sessionId = await newSession();
    const first = await send(sessionId, 'a red lighthouse on a cliff');
    expect(first.final).toMatchObject({ status: 'DONE', intent: 'generate' });
    const textCalls = () => gemini.requests.filter((request) => request.model === TEXT_MODEL).length;
    const imageCalls = () => gemini.requests.filter((request) => request.model === IMAGE_MODEL).length;
    const [textBefore, imagesBefore] = [textCalls(), imageCalls()];

    const again = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/${first.id}/regenerate/`, { seed: 777 });
    expect(again.status).toBe(202);
    const regenerated = (await events.untilFinal(again.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };
    expect(regenerated).toMatchObject({ status: 'DONE', intent: 'generate', refined_prompt: first.final.refined_prompt });
    // The seed is on the gallery row (the message's image shows the file).
    const seedOf = async (imageId: string) => (await atelier.api('GET', `/v1/gallery/${imageId}/`)).body.seed as number;
    expect(await seedOf(regenerated.image.id)).toBe(777);
    expect(await seedOf((first.final.image as { id: string }).id)).not.toBe(777);
    expect(textCalls()).toBe(textBefore);
    expect(imageCalls()).toBe(imagesBefore + 1);
  });

  it('deleting an image for good destroys the Cloudinary asset', async () => {
    const image = first.image as { id: string };
    const upload = cloudinary.uploads.find((candidate) => candidate.context.message_id === first.id);
    const publicId = `${upload?.folder}/${upload?.publicId}`;
    expect(cloudinary.assets.has(publicId)).toBe(true);
    expect((await atelier.api('DELETE', `/v1/gallery/${image.id}/permanent/`)).status).toBe(204);
    expect(cloudinary.destroys.at(-1)).toMatchObject({ publicId, result: 'ok', signatureValid: true });
    expect(cloudinary.assets.has(publicId)).toBe(false);
  });
});

describe('when providers fail', () => {
  it('retries a provider 500 twice and finishes on the third attempt, showing the retries', async () => {
    gemini.script(IMAGE_MODEL, { status: 500 }, { status: 500 }, { ok: true });
    const { history, final } = await send(await newSession(), 'a lighthouse in a storm');
    expect(final).toMatchObject({ status: 'DONE', attempts: 3, error: null });
    const retries = history.filter((event) => event.status === 'PROCESSING' && (event.error as { code?: string } | null)?.code === 'provider_unavailable');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(imageRequestsFor('a lighthouse in a storm')).toHaveLength(3);
  });

  it('fails at once on a safety block: one attempt, no retry', async () => {
    gemini.script(IMAGE_MODEL, { safety: true });
    const { final } = await send(await newSession(), 'a forbidden picture');
    expect(final).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: { code: 'safety_blocked', stage: 'generating', retryable: false },
    });
    expect(imageRequestsFor('a forbidden picture')).toHaveLength(1);
  });

  it('waits out a 429 for its Retry-After without spending an attempt', async () => {
    gemini.script(IMAGE_MODEL, { status: 429, headers: { 'retry-after': '1' } }, { ok: true });
    const { history, final } = await send(await newSession(), 'a busy harbour');
    expect(final).toMatchObject({ status: 'DONE', attempts: 1 });
    expect(history.some((event) => (event.error as { code?: string } | null)?.code === 'rate_limited')).toBe(true);
    expect(imageRequestsFor('a busy harbour')).toHaveLength(2);
  });

  it('survives Cloudinary failing and recovering: one asset, one gallery row', async () => {
    const assetsBefore = cloudinary.assets.size;
    cloudinary.failNext({ status: 500 });
    const { id, final } = await send(await newSession(), 'a quiet library');
    expect(final).toMatchObject({ status: 'DONE', attempts: 2 });
    expect(cloudinary.uploads.filter((upload) => upload.context.message_id === id)).toHaveLength(2);
    expect(cloudinary.assets.size).toBe(assetsBefore + 1);
    const rows = (await atelier.api('GET', '/v1/gallery/?limit=100')).body.data.filter((row: { message_id: string }) => row.message_id === id);
    expect(rows).toHaveLength(1);
  });

  it('keeps an exhausted message as a dead letter, and retries it to DONE once the provider recovers', async () => {
    gemini.script(IMAGE_MODEL, { status: 503 }, { status: 503 }, { status: 503 });
    const { id, final } = await send(await newSession(), 'a night market');
    expect(final).toMatchObject({ status: 'FAILED', attempts: 3, error: { code: 'provider_unavailable', stage: 'generating', retryable: true } });

    const letters = await atelier.api('GET', '/internal/v1/dead-letters/');
    const letter = letters.body.data.find((candidate: { message_id: string }) => candidate.message_id === id);
    expect(letter).toMatchObject({
      stage: 'image',
      attempts: 3,
      failed_stage: 'generating',
      error: { code: 'provider_unavailable', retryable: true },
    });

    const retried = await atelier.api('POST', `/internal/v1/dead-letters/${id}/retry/`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id, status: 'PENDING', error: null, intent: 'generate' });
    const rerun = await events.untilFinal(id, final.sequence);
    expect(rerun.at(-1)).toMatchObject({ status: 'DONE', attempts: 1 });
    // it started where it stopped: the prompt was not refined again
    expect(rerun.some((event) => event.stage === 'refining')).toBe(false);
    const remaining = (await atelier.api('GET', '/internal/v1/dead-letters/')).body.data;
    expect(remaining.map((candidate: { message_id: string }) => candidate.message_id)).not.toContain(id);
    // retrying what is not a dead letter any more
    expect((await atelier.api('POST', `/internal/v1/dead-letters/${id}/retry/`)).status).toBe(404);
  });
});

describe('Idempotency-Key on posting a message', () => {
  it('replays a duplicate, refuses a conflicting body, and starts one pipeline', async () => {
    const sessionId = await newSession();
    const path = `/api/v1/chat/sessions/${sessionId}/messages/`;
    const headers = { 'idempotency-key': 'order-42' };
    const first = await atelier.api('POST', path, { content: 'a paper boat' }, headers);
    const duplicate = await atelier.api('POST', path, { content: 'a paper boat' }, headers);
    expect(first.status).toBe(202);
    expect(duplicate.status).toBe(202);
    expect(duplicate.body).toEqual(first.body);
    expect(duplicate.headers.get('location')).toBe(first.headers.get('location'));
    expect(duplicate.headers.get('idempotent-replayed')).toBe('true');

    const conflicting = await atelier.api('POST', path, { content: 'a paper plane' }, headers);
    expect(conflicting.status).toBe(422);
    expect(conflicting.body.error.code).toBe('idempotency_key_reused');

    await events.untilFinal(first.body.id);
    const history = await atelier.api('GET', path);
    expect(history.body.data).toHaveLength(1);
    expect(imageRequestsFor('a paper boat')).toHaveLength(1);
  });
});
