import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Moderation on the running system (offline engines, real Redis and Postgres): a prompt is
 * checked before any image is made, MODERATION_POLICY decides what follows, and every image's
 * `is_nsfw` reaches the message, the gallery and its filter.
 */

interface Chat {
  atelier: TestAtelier;
  socket: Socket;
  events: ReturnType<typeof recordMessageEvents>;
  sessionId: string;
}

async function openChat(atelier: TestAtelier): Promise<Chat> {
  const socket = await atelier.connect();
  const events = recordMessageEvents(socket);
  const sessionId = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  expect(await socket.emitWithAck('subscribe', { session_id: sessionId })).toMatchObject({ ok: true });
  return { atelier, socket, events, sessionId };
}

/** Post a message and wait for it to be DONE or FAILED; the poll must say the same. */
async function send(chat: Chat, content: string): Promise<MessageEvent> {
  const posted = await chat.atelier.api('POST', `/api/v1/chat/sessions/${chat.sessionId}/messages/`, {
    content,
    options: { width: 128, height: 128 },
  });
  expect(posted.status).toBe(202);
  const final = (await chat.events.untilFinal(posted.body.id)).at(-1) as MessageEvent;
  expect((await chat.atelier.api('GET', `/api/v1/chat/sessions/${chat.sessionId}/messages/${posted.body.id}/`)).body).toEqual(final);
  return final;
}

interface GalleryRow {
  id: string;
  message_id: string | null;
  prompt: string;
  is_nsfw: boolean;
}

/** Every page of the gallery with this query, followed by its cursors. */
async function wholeGallery(user: TestUser, query = ''): Promise<GalleryRow[]> {
  const rows: GalleryRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await user.api('GET', `/v1/gallery/?limit=1${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    rows.push(...(page.body.data as GalleryRow[]));
    cursor = page.body.next_cursor as string | null;
  } while (cursor);
  return rows;
}

describe('MODERATION_POLICY=block (the default)', () => {
  let chat: Chat;

  beforeAll(async () => {
    chat = await openChat(await startTestAtelier());
  });

  afterAll(async () => {
    await chat?.atelier.close();
  });

  it('fails an explicit prompt with safety_blocked before any image is made', async () => {
    const final = await send(chat, 'a nude woman on the beach');
    expect(final).toMatchObject({
      status: 'FAILED',
      intent: null,
      image: null,
      image_url: null,
      error: { code: 'safety_blocked', stage: 'refining', retryable: false },
    });
    expect((final.error as { message: string }).message).toContain('"nude"');
    expect((await wholeGallery(chat.atelier)).filter((row) => row.message_id === final.id)).toEqual([]);
  });

  it('blocks in other languages too', async () => {
    expect(await send(chat, 'una escena de sexo oral')).toMatchObject({ status: 'FAILED', error: { code: 'safety_blocked' } });
    expect(await send(chat, 'ポルノ画像')).toMatchObject({ status: 'FAILED', error: { code: 'safety_blocked' } });
  });

  let nsfwImage: string;

  it('makes a merely suggestive image and marks it nsfw, on the message and in the gallery', async () => {
    const final = await send(chat, 'a sexy red sports car');
    expect(final).toMatchObject({ status: 'DONE', image: { is_nsfw: true } });
    nsfwImage = (final.image as { id: string }).id;
    const row = await chat.atelier.api('GET', `/v1/gallery/${nsfwImage}/`);
    expect(row.body).toMatchObject({ id: nsfwImage, message_id: final.id, is_nsfw: true });
  });

  it('an edit of an nsfw image is nsfw too', async () => {
    const final = await send(chat, 'make it black and white');
    expect(final).toMatchObject({ status: 'DONE', intent: 'edit', image: { is_nsfw: true } });
  });

  it('leaves a clean prompt alone, Scunthorpe included', async () => {
    const final = await send(chat, 'a cocktail party in Scunthorpe');
    expect(final).toMatchObject({ status: 'DONE', image: { is_nsfw: false } });
  });

  it('answers 422 safety_blocked on the direct route, and files nothing', async () => {
    const before = await wholeGallery(chat.atelier);
    const refused = await chat.atelier.api('POST', '/v1/image/generate/', { prompt: 'hardcore porn', width: 64, height: 64 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'safety_blocked' });
    expect(await wholeGallery(chat.atelier)).toEqual(before);

    const flagged = await chat.atelier.api('POST', '/v1/image/generate/', { prompt: 'a kinky costume', width: 64, height: 64 });
    expect(flagged.status).toBe(201);
    expect(flagged.body.is_nsfw).toBe(true);
    expect((await chat.atelier.api('GET', `/v1/gallery/${flagged.body.id}/`)).body.is_nsfw).toBe(true);
  });

  it('lets a client mark a record it files nsfw, never unmark a flagged prompt', async () => {
    const record = (prompt: string, isNsfw?: boolean) =>
      chat.atelier.api('POST', '/v1/gallery/', {
        url: 'https://images.example.com/a.png',
        prompt,
        width: 64,
        height: 64,
        format: 'png',
        ...(isNsfw === undefined ? {} : { is_nsfw: isNsfw }),
      });
    // Filed, not refused (the image was not made here), but marked.
    const explicit = await record('a nude portrait', false);
    expect(explicit.status).toBe(201);
    expect(explicit.body.is_nsfw).toBe(true);
    expect((await record('a lighthouse', true)).body.is_nsfw).toBe(true);
    expect((await record('a lighthouse')).body.is_nsfw).toBe(false);
  });

  it('filters the gallery on is_nsfw, every page of it', async () => {
    const all = await wholeGallery(chat.atelier);
    const nsfw = await wholeGallery(chat.atelier, '&is_nsfw=true');
    const clean = await wholeGallery(chat.atelier, '&is_nsfw=false');
    expect(nsfw.length).toBeGreaterThanOrEqual(4);
    expect(clean.length).toBeGreaterThanOrEqual(2);
    expect(nsfw.every((row) => row.is_nsfw)).toBe(true);
    expect(clean.every((row) => !row.is_nsfw)).toBe(true);
    expect(nsfw.map((row) => row.id)).toContain(nsfwImage);
    // Together they are the whole gallery, each page newest first: nothing lost or repeated.
    expect([...nsfw, ...clean].map((row) => row.id).sort()).toEqual(all.map((row) => row.id).sort());
    expect(nsfw.map((row) => row.id)).toEqual(all.filter((row) => row.is_nsfw).map((row) => row.id));
  });

  it('refuses a filter that is not a boolean', async () => {
    const reply = await chat.atelier.api('GET', '/v1/gallery/?is_nsfw=maybe');
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
  });

  it("never shows another user's images under the filter", async () => {
    const other = await chat.atelier.signUp('other');
    expect((await other.api('GET', '/v1/gallery/?is_nsfw=true')).body.data).toEqual([]);
    expect((await other.api('GET', `/v1/gallery/${nsfwImage}/`)).status).toBe(404);
  });
});

describe('MODERATION_POLICY=flag', () => {
  let chat: Chat;

  beforeAll(async () => {
    chat = await openChat(await startTestAtelier({ MODERATION_POLICY: 'flag' }));
  });

  afterAll(async () => {
    await chat?.atelier.close();
  });

  it('makes the image of an explicit prompt and marks it nsfw', async () => {
    const final = await send(chat, 'a nude woman on the beach');
    expect(final).toMatchObject({ status: 'DONE', image: { is_nsfw: true } });
    const id = (final.image as { id: string }).id;
    expect((await wholeGallery(chat.atelier, '&is_nsfw=true')).map((row) => row.id)).toEqual([id]);
    expect(await wholeGallery(chat.atelier, '&is_nsfw=false')).toEqual([]);
  });

  it('makes it on the direct route too, marked', async () => {
    const made = await chat.atelier.api('POST', '/v1/image/generate/', { prompt: 'hardcore porn', width: 64, height: 64 });
    expect(made.status).toBe(201);
    expect(made.body.is_nsfw).toBe(true);
  });
});

describe('MODERATION_POLICY=off', () => {
  let chat: Chat;

  beforeAll(async () => {
    chat = await openChat(await startTestAtelier({ MODERATION_POLICY: 'off' }));
  });

  afterAll(async () => {
    await chat?.atelier.close();
  });

  it('checks nothing', async () => {
    expect(await send(chat, 'a nude woman on the beach')).toMatchObject({ status: 'DONE', image: { is_nsfw: false } });
  });
});
