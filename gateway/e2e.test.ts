import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * The whole main path on embedded defaults (offline engines, local disk), against real Redis and
 * Postgres: a chat message becomes an image in the gallery, and every step reaches the client.
 */

let atelier: TestAtelier;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;
let sessionId: string;
const galleryEvents: Array<{ event: string; payload: { id: string; [key: string]: unknown } }> = [];

beforeAll(async () => {
  atelier = await startTestAtelier();
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
  for (const event of ['gallery.image.created', 'gallery.image.deleted', 'gallery.image.restored']) {
    socket.on(event, (payload: { id: string }) => galleryEvents.push({ event, payload }));
  }
  const session = await atelier.api('POST', '/api/v1/chat/sessions/', { title: 'Landscapes' });
  expect(session.status).toBe(201);
  sessionId = session.body.id;
  const ack = await socket.emitWithAck('subscribe', { session_id: sessionId });
  expect(ack).toEqual({ ok: true, session_id: sessionId });
});

afterAll(async () => {
  await atelier?.close();
});

/** Post a message and wait for its last event. */
async function send(content: string, options?: Record<string, unknown>) {
  const posted = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, {
    content,
    ...(options ? { options } : {}),
  });
  expect(posted.status).toBe(202);
  const history = await events.untilFinal(posted.body.id);
  return { posted, history, final: history.at(-1) as MessageEvent };
}

async function fetchImage(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, metadata: await sharp(bytes).metadata(), stats: await sharp(bytes).stats() };
}

let firstImage: { id: string; url: string };

describe('a chat message becomes an image', () => {
  it('answers 202 with a PENDING message and where to poll it', async () => {
    const { posted, history, final } = await send('Create a sunset landscape', { width: 640, height: 384 });

    expect(posted.body).toMatchObject({ session_id: sessionId, content: 'Create a sunset landscape', status: 'PENDING', stage: 'queued' });
    expect(posted.headers.get('location')).toBe(`${atelier.url.replace('127.0.0.1', 'localhost')}/api/v1/chat/sessions/${sessionId}/messages/${posted.body.id}/`);

    // every step was pushed, in order
    const sequences = history.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(history.map((event) => event.stage)).toEqual(
      expect.arrayContaining(['queued', 'refining', 'generating', 'uploading', 'saving', 'done']),
    );
    expect(final).toMatchObject({ status: 'DONE', stage: 'done', progress: 100, intent: 'generate', error: null });
    expect(final.refined_prompt).toMatch(/sunset/i);

    // the poll returns exactly what the last event said
    const polled = await atelier.api('GET', new URL(posted.headers.get('location') as string).pathname);
    expect(polled.status).toBe(200);
    expect(polled.body).toEqual(final);

    // the image is real and of the asked size
    const image = await fetchImage(final.image_url as string);
    expect(image.response.headers.get('content-type')).toBe('image/png');
    expect(image.metadata).toMatchObject({ format: 'png', width: 640, height: 384 });
    expect(final.image).toMatchObject({ width: 640, height: 384, format: 'png', bytes: image.bytes.length });
    firstImage = final.image as { id: string; url: string };
  });

  it('files the image in the gallery and says so', async () => {
    const list = await atelier.api('GET', '/v1/gallery/');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({
      id: firstImage.id,
      url: firstImage.url,
      session_id: sessionId,
      prompt: 'Create a sunset landscape',
      intent: 'generate',
      width: 640,
      height: 384,
      deleted_at: null,
    });
    await expect.poll(() => galleryEvents.find((entry) => entry.event === 'gallery.image.created')?.payload.id).toBe(firstImage.id);
  });

  it('edits that image: "make it black and white"', async () => {
    const { final } = await send('make it black and white');
    expect(final).toMatchObject({ status: 'DONE', intent: 'edit' });
    const edited = await fetchImage(final.image_url as string);
    expect(edited.metadata).toMatchObject({ width: 640, height: 384 });
    const [red, green, blue] = edited.stats.channels;
    expect(red?.mean).toBeCloseTo(green?.mean ?? -1, 0);
    expect(green?.mean).toBeCloseTo(blue?.mean ?? -1, 0);
    expect(final.image_url).not.toBe(firstImage.url);
  });

  it('enhances the latest image: twice the size', async () => {
    const { final } = await send('enhance it');
    expect(final).toMatchObject({ status: 'DONE', intent: 'enhance' });
    const enhanced = await fetchImage(final.image_url as string);
    expect(enhanced.metadata).toMatchObject({ width: 1280, height: 768 });
  });

  it('answers a chat message with a reply and no image', async () => {
    const before = await atelier.api('GET', '/v1/gallery/');
    const { final } = await send('hello there!');
    expect(final).toMatchObject({ status: 'DONE', intent: 'chat', image: null, image_url: null });
    expect(typeof final.reply).toBe('string');
    expect((final.reply as string).length).toBeGreaterThan(0);
    const after = await atelier.api('GET', '/v1/gallery/');
    expect(after.body.data).toHaveLength(before.body.data.length);
  });

  it('lists the conversation oldest first', async () => {
    const history = await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((message: { content: string }) => message.content)).toEqual([
      'Create a sunset landscape',
      'make it black and white',
      'enhance it',
      'hello there!',
    ]);
  });
});

describe('the gallery lifecycle', () => {
  it('soft deletes, lists the trash, restores, and deletes for good with the file', async () => {
    const id = firstImage.id;
    const deleted = await atelier.api('DELETE', `/v1/gallery/${id}/`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted_at).not.toBeNull();

    const live = await atelier.api('GET', '/v1/gallery/');
    expect(live.body.data.map((image: { id: string }) => image.id)).not.toContain(id);
    const trash = await atelier.api('GET', '/v1/gallery/deleted/');
    expect(trash.body.data.map((image: { id: string }) => image.id)).toEqual([id]);
    // soft delete keeps the file
    expect((await fetch(firstImage.url)).status).toBe(200);

    const restored = await atelier.api('POST', `/v1/gallery/${id}/restore/`);
    expect(restored.status).toBe(200);
    expect(restored.body.deleted_at).toBeNull();
    expect((await atelier.api('GET', '/v1/gallery/deleted/')).body.data).toEqual([]);

    const gone = await atelier.api('DELETE', `/v1/gallery/${id}/permanent/`);
    expect(gone.status).toBe(204);
    expect((await atelier.api('GET', `/v1/gallery/${id}/`)).status).toBe(404);
    expect((await atelier.api('GET', '/v1/gallery/deleted/')).body.data).toEqual([]);
    const file = await fetch(firstImage.url);
    expect(file.status).toBe(404);
    expect(((await file.json()) as { error: { code: string } }).error.code).toBe('not_found');

    await expect
      .poll(() => galleryEvents.filter((entry) => entry.payload.id === id).map((entry) => entry.event))
      .toEqual(['gallery.image.created', 'gallery.image.deleted', 'gallery.image.restored', 'gallery.image.deleted']);
  });

  it('deleting a session with images=keep removes its messages but keeps its images (the default trashes them: sessions.test.ts)', async () => {
    const images = (await atelier.api('GET', '/v1/gallery/')).body.data.length;
    expect(images).toBeGreaterThan(0);
    expect((await atelier.api('DELETE', `/api/v1/chat/sessions/${sessionId}?images=keep`)).status).toBe(204);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/`)).status).toBe(404);
    expect((await atelier.api('GET', '/v1/gallery/')).body.data).toHaveLength(images);
  });
});

describe('realtime subscriptions', () => {
  it('refuses an unknown session and a malformed request', async () => {
    expect(await socket.emitWithAck('subscribe', { session_id: '0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await socket.emitWithAck('subscribe', { session_id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
  });
});
