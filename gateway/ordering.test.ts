import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { createTestRedis } from '../shared/testing/redis.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * A conversation is a sequence: a session's messages are carried out one after another, in the
 * order they were posted, however fast they arrive; sessions do not wait for each other.
 */

interface Posted {
  id: string;
  status: string;
  stage: string;
}

async function imageStats(url: string) {
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { metadata: await sharp(bytes).metadata(), stats: await sharp(bytes).stats() };
}

describe("one session's messages, carried out in order", () => {
  let atelier: TestAtelier;
  let socket: Socket;

  beforeAll(async () => {
    atelier = await startTestAtelier();
    socket = await atelier.connect();
  });
  afterAll(async () => {
    await atelier?.close();
  });

  it('carries the four messages out in order: the enhance works on the black-and-white edit', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', { title: 'Landscapes' })).body.id as string;
    expect(await socket.emitWithAck('subscribe', { session_id: session })).toMatchObject({ ok: true });
    const post = async (content: string, options?: object): Promise<Posted> => {
      const reply = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, ...(options && { options }) });
      expect(reply.status).toBe(202);
      return reply.body as Posted;
    };
    // Back to back, each request waiting only for its 202.
    const generate = await post('Create a sunset landscape', { aspect_ratio: '16:9', width: 512 });
    const edit = await post('make it black and white');
    const enhance = await post('enhance it');
    const hello = await post('hello!');
    for (const message of [edit, enhance, hello]) expect(message).toMatchObject({ status: 'PENDING', stage: 'queued' });

    const finals: MessageEvent[] = [];
    for (const message of [generate, edit, enhance, hello]) finals.push((await events.untilFinal(message.id)).at(-1) as MessageEvent);
    const [generated, edited, enhanced, greeted] = finals as [MessageEvent, MessageEvent, MessageEvent, MessageEvent];
    expect(generated).toMatchObject({ status: 'DONE', intent: 'generate' });
    expect(edited).toMatchObject({ status: 'DONE', intent: 'edit' });
    expect(enhanced).toMatchObject({ status: 'DONE', intent: 'enhance' });
    expect(greeted).toMatchObject({ status: 'DONE', intent: 'chat', image: null });

    const edit2 = await imageStats(edited.image_url as string);
    const enhanced2 = await imageStats(enhanced.image_url as string);
    // Grey: the enhance worked on the black-and-white image, not on the colour original.
    const [red, green, blue] = enhanced2.stats.channels;
    expect(red?.mean).toBeCloseTo(green?.mean ?? -1, 0);
    expect(green?.mean).toBeCloseTo(blue?.mean ?? -1, 0);
    expect(enhanced2.metadata.width).toBe(2 * (edit2.metadata.width ?? 0));

    // Each began only after the one before it had finished.
    const order = events.all.map((event) => `${event.id}:${event.status}`);
    for (const [earlier, later] of [
      [generate, edit],
      [edit, enhance],
      [enhance, hello],
    ] as const) {
      expect(order.indexOf(`${earlier.id}:DONE`)).toBeLessThan(order.indexOf(`${later.id}:PROCESSING`));
    }
  });

  it('does not let a failed message hold up the next one', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    const path = `/api/v1/chat/sessions/${session}/messages/`;
    // An edit with no earlier image fails; the message after it still runs.
    const failing = (await atelier.api('POST', path, { content: 'make it black and white' })).body as Posted;
    const next = (await atelier.api('POST', path, { content: 'a forest at dawn', options: { width: 128, height: 128 } })).body as Posted;
    expect((await events.untilFinal(failing.id)).at(-1)).toMatchObject({ status: 'FAILED', error: { code: 'no_source_image' } });
    expect((await events.untilFinal(next.id)).at(-1)).toMatchObject({ status: 'DONE', intent: 'generate' });
  });

  it('does not jump the line: the message waiting for the turn runs first, and the new one works on its image', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    expect(await socket.emitWithAck('subscribe', { session_id: session })).toMatchObject({ ok: true });
    const post = async (content: string): Promise<Posted> =>
      (await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, options: { width: 64, height: 64 } })).body as Posted;
    const first = await post('Create a sunset landscape');
    expect((await events.untilFinal(first.id)).at(-1)).toMatchObject({ status: 'DONE' });

    // The moment a finisher is in: it still holds the turn, then hands it back before it reads who
    // is next. The edit posted while it holds waits; the enhance posted in the gap finds the turn free.
    const redis = createTestRedis();
    const turn = `${atelier.env.QUEUE_PREFIX}:turn:${session}`;
    try {
      await redis.set(turn, first.id);
      const edit = await post('make it black and white');
      expect(edit).toMatchObject({ status: 'PENDING', stage: 'queued' });
      await redis.del(turn);
      const enhance = await post('enhance it');

      const edited = (await events.untilFinal(edit.id)).at(-1) as MessageEvent;
      const enhanced = (await events.untilFinal(enhance.id)).at(-1) as MessageEvent;
      expect([edited.status, enhanced.status]).toEqual(['DONE', 'DONE']);
      // In the order posted: the enhance started only once the edit was done, on the edit's image.
      const order = events.all.filter((event) => event.id === edit.id || event.id === enhance.id).map((event) => `${event.id === edit.id ? 'edit' : 'enhance'} ${event.stage}`);
      expect(order.indexOf('enhance refining')).toBeGreaterThan(order.indexOf('edit done'));
      const image = (await atelier.api('GET', `/v1/gallery/${(enhanced.image as { id: string }).id}/`)).body;
      expect(image.parent_image_id).toBe((edited.image as { id: string }).id);
    } finally {
      await redis.quit();
    }
  });
});

describe('sessions run side by side', () => {
  const IMAGE_MODEL = 'gemini-2.5-flash-image';
  let atelier: TestAtelier;
  let gemini: FakeGemini;
  let socket: Socket;
  let release: () => void = () => {};

  beforeAll(async () => {
    gemini = await startFakeGemini();
    // Offline prompts, Gemini images: the fake can hold one image back while the rest go on.
    atelier = await startTestAtelier({
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: gemini.url,
      PROMPT_PROVIDER: 'offline',
      IMAGE_PROVIDER: 'gemini',
    });
    socket = await atelier.connect();
  });
  afterEach(() => release());
  afterAll(async () => {
    await atelier?.close();
    await gemini?.close();
  });

  it("finishes another session's message while one session's image is held, and keeps that session's next message queued", async () => {
    const events = recordMessageEvents(socket);
    const newSession = async () => {
      const id = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
      await socket.emitWithAck('subscribe', { session_id: id });
      return id;
    };
    const [slow, quick] = [await newSession(), await newSession()];
    gemini.script(IMAGE_MODEL, { hold: new Promise<void>((resolve) => (release = resolve)) });

    const held = (await atelier.api('POST', `/api/v1/chat/sessions/${slow}/messages/`, { content: 'a lighthouse at night' })).body as Posted;
    await gemini.waitForRequest((request) => request.model === IMAGE_MODEL);
    const waiting = (await atelier.api('POST', `/api/v1/chat/sessions/${slow}/messages/`, { content: 'make it brighter' })).body as Posted;
    const other = (await atelier.api('POST', `/api/v1/chat/sessions/${quick}/messages/`, { content: 'a desert road' })).body as Posted;

    // The other session's message is done while the first session's image is still held…
    expect((await events.untilFinal(other.id)).at(-1)).toMatchObject({ status: 'DONE' });
    const slowNow = await atelier.api('GET', `/api/v1/chat/sessions/${slow}/messages/${held.id}/`);
    expect(slowNow.body).toMatchObject({ status: 'PROCESSING', stage: 'generating' });
    // …and the first session's next message says it is waiting for its turn.
    const waitingNow = await atelier.api('GET', `/api/v1/chat/sessions/${slow}/messages/${waiting.id}/`);
    expect(waitingNow.body).toMatchObject({ status: 'PENDING', stage: 'queued' });

    release();
    expect((await events.untilFinal(held.id)).at(-1)).toMatchObject({ status: 'DONE' });
    expect((await events.untilFinal(waiting.id)).at(-1)).toMatchObject({ status: 'DONE', intent: 'edit' });
  });
});
