import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Sessions (issue 8, "Sessions and templates"): a title from the first message, renaming, and
 * deleting a session with its images moved to the trash or kept. Offline engines, end to end.
 */

let atelier: TestAtelier;
let socket: Socket;
let events: ReturnType<typeof recordMessageEvents>;
let bob: TestUser;

beforeAll(async () => {
  atelier = await startTestAtelier();
  socket = await atelier.connect();
  events = recordMessageEvents(socket);
  bob = await atelier.signUp('bob');
});

afterAll(async () => {
  await atelier?.close();
});

async function newSession(body: Record<string, unknown> = {}): Promise<string> {
  const created = await atelier.api('POST', '/api/v1/chat/sessions/', body);
  expect(created.status).toBe(201);
  const ack = await socket.emitWithAck('subscribe', { session_id: created.body.id });
  expect(ack).toMatchObject({ ok: true });
  return created.body.id as string;
}

async function send(sessionId: string, content: string): Promise<MessageEvent> {
  const posted = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, options: { width: 64, height: 64 } });
  expect(posted.status).toBe(202);
  return (await events.untilFinal(posted.body.id)).at(-1) as MessageEvent;
}

describe('a session without a title', () => {
  it('is titled from its first message, once, and shows it', async () => {
    const id = await newSession();
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBeNull();
    expect((await send(id, 'Create a sunset landscape')).status).toBe('DONE');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBe('Sunset landscape');

    expect((await send(id, 'a forest at dawn')).status).toBe('DONE');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBe('Sunset landscape');
    const listed = (await atelier.api('GET', '/api/v1/chat/sessions/')).body.data as Array<{ id: string; title: string | null }>;
    expect(listed.find((session) => session.id === id)?.title).toBe('Sunset landscape');
  });

  it('keeps a title the user gave', async () => {
    const id = await newSession({ title: 'Mine' });
    expect((await send(id, 'a cat in the rain')).status).toBe('DONE');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBe('Mine');
  });

  it('is titled by a chat message too', async () => {
    const id = await newSession();
    expect((await send(id, 'hello!')).status).toBe('DONE');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBe('Hello');
  });
});

describe('PATCH /api/v1/chat/sessions/{id}/', () => {
  it('renames the session, and the title from a message no longer replaces it', async () => {
    const id = await newSession();
    const renamed = await atelier.api('PATCH', `/api/v1/chat/sessions/${id}/`, { title: '  Holiday ideas ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, title: 'Holiday ideas' });
    expect(Date.parse(renamed.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(renamed.body.created_at));
    expect((await send(id, 'a lighthouse at dusk')).status).toBe('DONE');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBe('Holiday ideas');
  });

  it('validates the title like creation does', async () => {
    const id = await newSession();
    for (const body of [{}, { title: '' }, { title: '   ' }, { title: 'x'.repeat(201) }, { title: 7 }]) {
      const reply = await atelier.api('PATCH', `/api/v1/chat/sessions/${id}/`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
      expect(reply.body.error.details[0].path).toBe('body.title');
    }
  });

  it("answers 404 for another user's session and leaves it as it was", async () => {
    const id = await newSession({ title: 'Private' });
    const reply = await bob.api('PATCH', `/api/v1/chat/sessions/${id}/`, { title: 'Taken' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).body.title).toBe('Private');
  });
});

describe('DELETE /api/v1/chat/sessions/{id}/?images=', () => {
  async function sessionWithImage(): Promise<{ id: string; image: string; other: string }> {
    const id = await newSession();
    const done = await send(id, 'a red kite over the hills');
    expect(done.status).toBe('DONE');
    // An image of another session: never touched by this one's deletion.
    const elsewhere = await newSession();
    const other = await send(elsewhere, 'a blue boat');
    return { id, image: (done.image as { id: string }).id, other: (other.image as { id: string }).id };
  }

  it('moves the images to the trash by default, restorable from there', async () => {
    const { id, image, other } = await sessionWithImage();
    const deleted = new Promise<{ id: string; permanent: boolean }>((resolve) =>
      socket.on('gallery.image.deleted', (payload: { id: string; permanent: boolean }) => payload.id === image && resolve(payload)),
    );
    expect((await atelier.api('DELETE', `/api/v1/chat/sessions/${id}/`)).status).toBe(204);
    expect(await deleted).toMatchObject({ id: image, permanent: false });
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).status).toBe(404);
    expect((await atelier.api('GET', `/v1/gallery/${image}/`)).body.deleted_at).toEqual(expect.any(String));
    const trash = (await atelier.api('GET', '/v1/gallery/deleted/')).body.data as Array<{ id: string }>;
    expect(trash.map((row) => row.id)).toContain(image);
    expect((await atelier.api('GET', `/v1/gallery/${other}/`)).body.deleted_at).toBeNull();

    expect((await atelier.api('POST', `/v1/gallery/${image}/restore/`)).status).toBe(200);
    expect((await atelier.api('GET', `/v1/gallery/${image}/`)).body.deleted_at).toBeNull();
  });

  it('with images=trash says so explicitly, and images=keep leaves them in the gallery', async () => {
    const trashed = await sessionWithImage();
    expect((await atelier.api('DELETE', `/api/v1/chat/sessions/${trashed.id}/?images=trash`)).status).toBe(204);
    expect((await atelier.api('GET', `/v1/gallery/${trashed.image}/`)).body.deleted_at).toEqual(expect.any(String));

    const kept = await sessionWithImage();
    expect((await atelier.api('DELETE', `/api/v1/chat/sessions/${kept.id}/?images=keep`)).status).toBe(204);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${kept.id}/`)).status).toBe(404);
    expect((await atelier.api('GET', `/v1/gallery/${kept.image}/`)).body.deleted_at).toBeNull();
  });

  it('refuses another value', async () => {
    const id = await newSession();
    const reply = await atelier.api('DELETE', `/api/v1/chat/sessions/${id}/?images=burn`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('query.images');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).status).toBe(200);
  });

  it("answers 404 for another user's session, trashing none of its images", async () => {
    const { id, image } = await sessionWithImage();
    const reply = await bob.api('DELETE', `/api/v1/chat/sessions/${id}/?images=trash`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/`)).status).toBe(200);
    expect((await atelier.api('GET', `/v1/gallery/${image}/`)).body.deleted_at).toBeNull();
  });
});

describe('a long conversation, opened at its end', () => {
  it('lists newest first with order=newest, paging back to the first message, none twice', { timeout: 60_000 }, async () => {
    const id = await newSession();
    const sent: string[] = [];
    for (const content of ['one', 'two', 'three', 'four', 'five']) {
      sent.push((await send(id, `hello ${content}`)).id);
    }
    const read: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?order=newest&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await atelier.api('GET', `/api/v1/chat/sessions/${id}/messages/${query}`);
      expect(page.status).toBe(200);
      read.push(...(page.body.data as Array<{ id: string }>).map((message) => message.id));
      cursor = page.body.next_cursor as string | null;
    } while (cursor);
    expect(read).toEqual([...sent].reverse());

    // A cursor belongs to the order it was made in: the other order refuses it instead of paging from the wrong end.
    const newest = await atelier.api('GET', `/api/v1/chat/sessions/${id}/messages/?order=newest&limit=2`);
    const oldest = await atelier.api('GET', `/api/v1/chat/sessions/${id}/messages/?limit=2`);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/messages/?cursor=${newest.body.next_cursor}`)).status).toBe(400);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/messages/?order=newest&cursor=${oldest.body.next_cursor}`)).status).toBe(400);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${id}/messages/?order=latest`)).status).toBe(400);
    // Another user's session is not found, in either order.
    expect((await bob.api('GET', `/api/v1/chat/sessions/${id}/messages/?order=newest`)).status).toBe(404);
  });
});
