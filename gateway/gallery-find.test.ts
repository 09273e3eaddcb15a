import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GalleryImage } from '../gallery/index.js';
import { recordMessageEvents, startTestAtelier, type ApiResponse, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Finding images (issue 9) through the running system: what a pipeline image carries, the
 * by-message route, the list's filters and search over HTTP, and the 400s for bad filter values.
 * The filters' and the paging's full model is in gallery/list-filter.test.ts.
 */

let atelier: TestAtelier;
let bob: TestUser;
let socket: Socket;
let sessionId = '';
/** A message that made an image, and one that only chatted. */
let drawn = '';
let chatted = '';

beforeAll(async () => {
  atelier = await startTestAtelier();
  bob = await atelier.signUp('bob');
  socket = await atelier.connect();
  const events = recordMessageEvents(socket);
  sessionId = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id;
  await socket.emitWithAck('subscribe', { session_id: sessionId });
  const post = async (content: string) => {
    const reply = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, options: { width: 64, height: 64 } });
    expect(reply.status).toBe(202);
    expect((await events.untilFinal(reply.body.id)).at(-1)?.status).toBe('DONE');
    return reply.body.id as string;
  };
  drawn = await post('a lighthouse on a cliff at dusk');
  chatted = await post('hello!');
});

afterAll(async () => {
  await atelier?.close();
});

const images = (reply: ApiResponse) => reply.body.data as GalleryImage[];

describe('a pipeline image', () => {
  it('is found by its message, and carries what made it', async () => {
    const reply = await atelier.api('GET', `/v1/gallery/by-message/${drawn}/`);
    expect(reply.status).toBe(200);
    const [image] = images(reply);
    expect(images(reply)).toHaveLength(1);
    expect(image).toMatchObject({
      session_id: sessionId,
      message_id: drawn,
      prompt: 'a lighthouse on a cliff at dusk',
      refined_prompt: expect.any(String),
      intent: 'generate',
      provider: expect.any(String),
      seed: expect.any(Number),
      width: 64,
      height: 64,
      format: 'png',
      bytes: expect.any(Number),
      parent_image_id: null,
      // The offline engines report no tokens; the stages before filing are timed.
      usage: [],
      timings_ms: { refining: expect.any(Number), generating: expect.any(Number), uploading: expect.any(Number) },
      updated_at: expect.any(String),
      deleted_at: null,
    });
    expect(image).toHaveProperty('negative_prompt');
    expect(image).toHaveProperty('thumbnail_url');
    // The same image as the message names, and as GET /v1/gallery/{id}/ gives.
    const message = await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/${drawn}/`);
    expect(image?.id).toBe(message.body.image.id);
    expect((await atelier.api('GET', `/v1/gallery/${image?.id}/`)).body).toMatchObject({ ...image, url: expect.any(String) });
  });

  it('is still found by its message while in the trash (deleted_at says so)', async () => {
    const [image] = images(await atelier.api('GET', `/v1/gallery/by-message/${drawn}/`));
    expect((await atelier.api('DELETE', `/v1/gallery/${image?.id}/`)).status).toBe(200);
    const trashed = images(await atelier.api('GET', `/v1/gallery/by-message/${drawn}/`));
    expect(trashed).toEqual([expect.objectContaining({ id: image?.id, deleted_at: expect.any(String) })]);
    // …but the gallery's list is of live images only.
    expect(images(await atelier.api('GET', `/v1/gallery/?message_id=${drawn}`))).toEqual([]);
    expect((await atelier.api('POST', `/v1/gallery/${image?.id}/restore/`)).status).toBe(200);
  });

  it('is 404 by a message that made none, by another user, and by a message that does not exist', async () => {
    for (const [who, id] of [
      [atelier, chatted],
      [bob, drawn],
      [atelier, '01950000-0000-7000-8000-000000000000'],
    ] as const) {
      const reply = await who.api('GET', `/v1/gallery/by-message/${id}/`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
    expect((await atelier.api('GET', '/v1/gallery/by-message/not-an-id/')).status).toBe(400);
  });
});

describe('the list, over HTTP', () => {
  let external = '';

  beforeAll(async () => {
    const reply = await atelier.api('POST', '/v1/gallery/', {
      url: 'https://images.example.com/harbour.png',
      prompt: 'boats',
      refined_prompt: 'fishing boats in a quiet harbour',
      negative_prompt: 'people',
      width: 64,
      height: 64,
      format: 'png',
      provider: 'elsewhere',
      model: 'brush-2',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ negative_prompt: 'people', usage: [], timings_ms: {} });
    external = reply.body.id;
  });

  it.each([
    ['session_id', () => `session_id=${sessionId}`, () => [drawn]],
    ['message_id', () => `message_id=${drawn}`, () => [drawn]],
    ['intent', () => 'intent=generate', () => [drawn]],
    ['provider and model', () => 'provider=elsewhere&model=brush-2', () => ['external']],
    ['q over the prompt', () => 'q=lighthouses', () => [drawn]],
    ['q over the refined prompt', () => 'q=harbour', () => ['external']],
    ['q as a phrase, and a word left out', () => `q=${encodeURIComponent('"quiet harbour" -lighthouse')}`, () => ['external']],
    ['q finding nothing', () => 'q=zebra', () => []],
    ['q of punctuation only (no words: finds nothing)', () => 'q=%21%3F', () => []],
    ['a blank q (no search)', () => 'q=%20&provider=elsewhere', () => ['external']],
    ['created_before long ago', () => 'created_before=2000-01-01T00:00:00Z', () => []],
    ['created_after long ago, with an offset', () => `created_after=${encodeURIComponent('2000-01-01T00:00:00+02:00')}&sort=oldest`, () => [drawn, 'external']],
  ])('%s', async (_, query, expected) => {
    const reply = await atelier.api('GET', `/v1/gallery/?${query()}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const messageOf = (image: GalleryImage) => (image.id === external ? 'external' : image.message_id);
    expect(images(reply).map(messageOf)).toEqual(expected());
  });

  it.each([
    ['session_id=nope', 'query.session_id'],
    ['message_id=123', 'query.message_id'],
    ['intent=paint', 'query.intent'],
    ['is_nsfw=yes', 'query.is_nsfw'],
    ['provider=', 'query.provider'],
    ['model=%00', 'query.model'],
    ['created_after=yesterday', 'query.created_after'],
    ['created_after=2025-13-01T00:00:00Z', 'query.created_after'],
    ['created_before=2025-01-01', 'query.created_before'],
    ['created_before=0000-01-01T00:00:00Z', 'query.created_before'],
    [`created_after=${encodeURIComponent('0001-01-01T00:00:00+14:00')}`, 'query.created_after'],
    ['created_after=2025-02-01T00:00:00Z&created_before=2025-01-01T00:00:00Z', 'query.created_after'],
    [`q=${'a'.repeat(201)}`, 'query.q'],
    ['q=sun%00set', 'query.q'],
    ['sort=random', 'query.sort'],
  ])('%s → 400 naming the parameter', async (query, path) => {
    const reply = await atelier.api('GET', `/v1/gallery/?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
  });

  it('refuses a cursor brought to another sort or filter (400), and pages on with it otherwise', async () => {
    const first = await atelier.api('GET', '/v1/gallery/?limit=1&sort=oldest');
    const cursor = encodeURIComponent(first.body.next_cursor as string);
    const elsewhere = await atelier.api('GET', `/v1/gallery/?limit=1&cursor=${cursor}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    expect((await atelier.api('GET', `/v1/gallery/?limit=1&sort=oldest&q=harbour&cursor=${cursor}`)).status).toBe(400);
    const next = await atelier.api('GET', `/v1/gallery/?limit=1&sort=oldest&cursor=${cursor}`);
    expect(next.status).toBe(200);
    expect(images(next).map((image) => image.id)).toEqual([external]);
  });
});
