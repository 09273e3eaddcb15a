import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * `options.n`: one message makes n variations (issue 8, "Regenerate, variations, cancel, retry":
 * "keep variants instead of replacing the image").
 */

interface WireImage {
  id: string;
  url: string;
  seed: number | null;
  width: number;
  height: number;
}

interface GalleryRow {
  id: string;
  message_id: string | null;
  variation: number;
  seed: number | null;
  parent_image_id: string | null;
}

async function mediaFiles(atelier: TestAtelier): Promise<string[]> {
  const entries = await readdir(path.join(atelier.dataDir, 'media'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

function setUp(env: Record<string, string> = {}) {
  const state = {} as { atelier: TestAtelier; socket: Socket; events: ReturnType<typeof recordMessageEvents> };
  beforeAll(async () => {
    state.atelier = await startTestAtelier(env);
    state.socket = await state.atelier.connect();
    state.events = recordMessageEvents(state.socket);
  });
  afterAll(async () => {
    await state.atelier?.close();
  });
  const session = async () => {
    const id = (await state.atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await state.socket.emitWithAck('subscribe', { session_id: id });
    return `/api/v1/chat/sessions/${id}/messages/`;
  };
  const post = async (messages: string, body: object): Promise<MessageEvent> => {
    const posted = await state.atelier.api('POST', messages, body);
    expect(posted.status).toBe(202);
    return (await state.events.untilFinal(posted.body.id as string)).at(-1) as MessageEvent;
  };
  const galleryOf = async (messageId: string): Promise<GalleryRow[]> => {
    const rows = (await state.atelier.api('GET', '/v1/gallery/?limit=100')).body.data as GalleryRow[];
    return rows.filter((row) => row.message_id === messageId).sort((a, b) => a.variation - b.variation);
  };
  const quotaUsed = async () => (await state.atelier.api('GET', '/v1/me/')).body.quota.daily.used as number;
  return { state, session, post, galleryOf, quotaUsed };
}

describe('variations (offline engines)', () => {
  const { state, session, post, galleryOf, quotaUsed } = setUp();

  it('n: 3 makes three different images: listed on the message, three gallery rows, three quota units', async () => {
    const messages = await session();
    const usedBefore = await quotaUsed();
    const done = await post(messages, { content: 'Create a lighthouse on a cliff at dusk', options: { n: 3, seed: 41 } });
    expect(done).toMatchObject({ status: 'DONE', intent: 'generate' });

    const images = done.images as WireImage[];
    expect(images.map((image) => image.seed)).toEqual([41, 42, 43]);
    expect(new Set(images.map((image) => image.id)).size).toBe(3);
    // Old clients read `image`: the first variation.
    expect(done.image).toEqual(images[0]);
    expect(done.image_url).toBe(images[0]?.url);

    const files = await Promise.all(images.map(async (image) => Buffer.from(await (await fetch(image.url)).arrayBuffer())));
    expect(new Set(files.map((file) => file.toString('base64'))).size).toBe(3);
    for (const file of files) expect((await sharp(file).metadata()).format).toBe('png');

    const rows = await galleryOf(done.id);
    expect(rows.map((row) => [row.id, row.variation, row.seed])).toEqual(images.map((image, index) => [image.id, index, image.seed]));
    expect(await quotaUsed()).toBe(usedBefore + 3);
    // The poll says the same as the last event.
    expect((await state.atelier.api('GET', `${messages}${done.id}/`)).body.images).toEqual(images);
  });

  it('an edit with n: 2 makes two variations of the same source image: both have it as their parent', async () => {
    const messages = await session();
    const source = await post(messages, { content: 'Create a red bicycle against a white wall' });
    const edited = await post(messages, { content: 'Make it warmer', options: { n: 2 } });
    expect(edited).toMatchObject({ status: 'DONE', intent: 'edit', error: null });
    const rows = await galleryOf(edited.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.parent_image_id)).toEqual([(source.image as WireImage).id, (source.image as WireImage).id]);
    const lineage = await state.atelier.api('GET', `/v1/gallery/${(source.image as WireImage).id}/lineage/`);
    expect((lineage.body.descendants as Array<{ id: string }>).map((image) => image.id).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('deleting one variation for good: the message lists the others, `image` stays the first', async () => {
    const messages = await session();
    const done = await post(messages, { content: 'Create a paper boat on a puddle', options: { n: 3 } });
    const [first, second, third] = done.images as [WireImage, WireImage, WireImage];
    expect((await state.atelier.api('DELETE', `/v1/gallery/${second.id}/permanent/`)).status).toBe(204);

    const after = (await state.atelier.api('GET', `${messages}${done.id}/`)).body;
    expect((after.images as WireImage[]).map((image) => image.id)).toEqual([first.id, third.id]);
    expect(after.image.id).toBe(first.id);
    expect(after.image_deleted_at).toBeNull();
  });

  it('regenerating a message of n variations makes n new ones', async () => {
    const messages = await session();
    const done = await post(messages, { content: 'Create a teapot shaped like a whale', options: { n: 2 } });
    const again = await state.atelier.api('POST', `${messages}${done.id}/regenerate/`, {});
    expect(again.status).toBe(202);
    const regenerated = (await state.events.untilFinal(again.body.id as string)).at(-1) as MessageEvent;
    expect(regenerated.images as WireImage[]).toHaveLength(2);
    expect(await galleryOf(regenerated.id)).toHaveLength(2);
  });

  it('refuses n outside 1–4 with a 400 naming it, charging and storing nothing', async () => {
    const messages = await session();
    const usedBefore = await quotaUsed();
    for (const n of [0, 5, 1.5, '3', null]) {
      const reply = await state.atelier.api('POST', messages, { content: 'Create a kite', options: { n } });
      expect(reply.status, `n: ${JSON.stringify(n)}`).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(reply.body.error)).toContain('n');
    }
    expect(await quotaUsed()).toBe(usedBefore);
    expect((await state.atelier.api('GET', messages)).body.data).toEqual([]);
  });
});

describe('variations and the quota', () => {
  const { state, session, quotaUsed } = setUp({ USER_DAILY_QUOTA: '4' });

  it('a message of n takes n units; with fewer left than n it is refused and takes none', async () => {
    const messages = await session();
    expect((await state.atelier.api('POST', messages, { content: 'Create a fox', options: { n: 3 } })).status).toBe(202);
    expect(await quotaUsed()).toBe(3);
    const refused = await state.atelier.api('POST', messages, { content: 'Create a hare', options: { n: 2 } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'quota_exceeded', message: expect.stringMatching(/daily image quota \(4\) has 1 left and this needs 2/) });
    expect(await quotaUsed()).toBe(3);
    // The unit left is still there for a message of one.
    expect((await state.atelier.api('POST', messages, { content: 'Create a hare' })).status).toBe(202);
    expect(await quotaUsed()).toBe(4);
  });
});

describe('cancelling a message between its variations (Gemini)', () => {
  const IMAGE_MODEL = 'gemini-2.5-flash-image';
  let gemini: FakeGemini;
  let atelier: TestAtelier;
  let socket: Socket;
  let release: () => void = () => {};

  beforeAll(async () => {
    gemini = await startFakeGemini();
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

  it('cancelled while its second image is made: CANCELLED, no gallery row, no file, every unit back', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    const messages = `/api/v1/chat/sessions/${session}/messages/`;
    const quotaUsed = async () => (await atelier.api('GET', '/v1/me/')).body.quota.daily.used as number;
    const usedBefore = await quotaUsed();
    const filesBefore = await mediaFiles(atelier);
    const imageRequests = () => gemini.requests.filter((request) => request.model === IMAGE_MODEL).length;
    const requestsBefore = imageRequests();
    gemini.script(IMAGE_MODEL, { ok: true }, { hold: new Promise<void>((resolve) => (release = resolve)) });

    const posted = (await atelier.api('POST', messages, { content: 'a harbour at night', options: { n: 3, seed: 7 } })).body;
    expect(await quotaUsed()).toBe(usedBefore + 3);
    let seen = 0;
    await gemini.waitForRequest((request) => request.model === IMAGE_MODEL && ++seen === requestsBefore + 2);
    // The first variation is stored by now (the image and its thumbnail).
    expect((await mediaFiles(atelier)).length).toBe(filesBefore.length + 2);

    const cancelled = await atelier.api('POST', `${messages}${posted.id}/cancel/`);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', images: [], image: null });
    release();

    expect((await events.untilFinal(posted.id as string)).at(-1)).toMatchObject({ status: 'CANCELLED' });
    // The stage finds the message final before the third image: no third request, nothing kept.
    await expect.poll(async () => (await mediaFiles(atelier)).length).toBe(filesBefore.length);
    expect(imageRequests()).toBe(requestsBefore + 2);
    const rows = (await atelier.api('GET', '/v1/gallery/?limit=100')).body.data as GalleryRow[];
    expect(rows.filter((row) => row.message_id === posted.id)).toEqual([]);
    expect(await quotaUsed()).toBe(usedBefore);
  });

  it('asks the image model once per variation, with the seed, the seed + 1, …', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    const before = gemini.requests.length;
    const posted = (await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a tram in the snow', options: { n: 4, seed: 100 } })).body;
    const done = (await events.untilFinal(posted.id as string)).at(-1) as MessageEvent;
    expect(done.status).toBe('DONE');
    const seeds = gemini.requests.slice(before).filter((request) => request.model === IMAGE_MODEL).map((request) => request.body.generationConfig?.seed);
    expect(seeds).toEqual([100, 101, 102, 103]);
    expect((done.images as WireImage[]).map((image) => image.seed)).toEqual([100, 101, 102, 103]);
    // Each call's usage is on the message, and each gallery row keeps its own image call, priced.
    const imageCalls = (done.usage as Array<{ stage: string }>).filter((usage) => usage.stage === 'generating');
    expect(imageCalls).toHaveLength(4);
    const rows = (await atelier.api('GET', `/v1/gallery/by-message/${done.id}/`)).body.data as Array<{ variation: number; usage: Array<{ stage: string }>; cost: number | null }>;
    expect(rows.map((row) => row.variation)).toEqual([0, 1, 2, 3]);
    for (const [index, row] of rows.entries()) {
      expect(row.usage.filter((usage) => usage.stage === 'generating')).toEqual([imageCalls[index]]);
      expect(row.cost).toBeGreaterThan(0);
    }
  });
});
