import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../shared/pagination.js';
import { startTestAtelier, type ApiResponse, type TestAtelier } from './test-harness.js';

/**
 * What a hostile client or a careless one sends, and what it must get: a 4xx in the envelope that
 * names what is wrong, nothing changed, no 500, and a connection the next request can still use.
 */

let atelier: TestAtelier;
let sessionId: string;

beforeAll(async () => {
  atelier = await startTestAtelier({ BODY_LIMIT_BYTES: '65536' });
  sessionId = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id;
});

afterAll(async () => {
  await atelier?.close();
});

function expectRefused(response: ApiResponse, status: number, code: string, path?: string): void {
  expect(response.status).toBe(status);
  expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
  if (path) expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
}

const counts = async () => ({
  sessions: (await atelier.api('GET', '/api/v1/chat/sessions/?limit=100')).body.data.length as number,
  messages: (await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/?limit=100`)).body.data.length as number,
  images: (await atelier.api('GET', '/v1/gallery/?limit=100')).body.data.length as number,
});

describe('text a store cannot hold', () => {
  const image = { url: 'https://images.example.com/a.png', prompt: 'a cat', width: 64, height: 64, format: 'png' };
  it.each([
    ['a session title', 'POST', '/api/v1/chat/sessions/', { title: 'sun\u0000set' }, 'body.title'],
    ['message content', 'POST', 'messages', { content: 'a cat\u0000' }, 'body.content'],
    ['a gallery prompt', 'POST', '/v1/gallery/', { ...image, prompt: '\u0000' }, 'body.prompt'],
    ['a metadata value', 'POST', '/v1/gallery/', { ...image, metadata: { note: 'x\u0000y' } }, 'body.metadata.note'],
    ['a metadata key', 'POST', '/v1/gallery/', { ...image, metadata: { 'k\u0000': 1 } }, 'body.metadata.k\u0000'],
    ['a nested metadata value', 'POST', '/v1/gallery/', { ...image, metadata: { tags: ['ok', 'bad\u0000'] } }, 'body.metadata.tags.1'],
    ['an unpaired surrogate', 'POST', 'messages', { content: 'a cat \ud800' }, 'body.content'],
    ['a refine prompt', 'POST', '/v1/prompt/refine/', { prompt: 'a\u0000b' }, 'body.prompt'],
  ])('%s with a NUL (or lone surrogate) → 400 naming the field, nothing stored', async (_name, method, target, body, path) => {
    const before = await counts();
    const url = target === 'messages' ? `/api/v1/chat/sessions/${sessionId}/messages/` : target;
    expectRefused(await atelier.api(method, url, body), 400, 'validation_failed', path);
    expect(await counts()).toEqual(before);
  });

  it('keeps text with emoji and other scripts as it was sent', async () => {
    const reply = await atelier.api('POST', '/api/v1/chat/sessions/', { title: 'Закат 🌅 日落' });
    expect(reply.status).toBe(201);
    expect(reply.body.title).toBe('Закат 🌅 日落');
  });
});

describe('gallery metadata that would break a parser', () => {
  const nested = (depth: number) => {
    let value: unknown = 'leaf';
    for (let level = 0; level < depth; level += 1) value = { a: value };
    return value as Record<string, unknown>;
  };
  const image = { url: 'https://images.example.com/deep.png', prompt: 'deep', width: 64, height: 64, format: 'png' };

  it.each([5000, 1000, 40])('metadata nested %i deep → 400, nothing stored', async (depth) => {
    const before = await counts();
    // Written as text: JSON.stringify itself cannot go that deep.
    const body = `${JSON.stringify(image).slice(0, -1)},"metadata":${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}}`;
    const reply = await atelier.api('POST', '/v1/gallery/', body, { 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(await counts()).toEqual(before);
  });

  it('metadata a few levels deep is kept', async () => {
    const reply = await atelier.api('POST', '/v1/gallery/', { ...image, metadata: nested(7) });
    expect(reply.status).toBe(201);
    expect(reply.body.metadata).toEqual(nested(7));
  });
});

describe('cursors a client made up', () => {
  const lists = () => [
    '/api/v1/chat/sessions/',
    `/api/v1/chat/sessions/${sessionId}/messages/`,
    '/v1/gallery/',
    '/v1/gallery/deleted/',
    '/internal/v1/dead-letters/',
  ];
  const made = [
    ['not base64 JSON', 'bm9wZQ'],
    ['a sort key that is no id', encodeCursor(['nope'])],
    ['a date JavaScript rolls over (Feb 30)', encodeCursor(['2025-02-30T00:00:00.000Z', '0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d'])],
    ['a date in another format', encodeCursor(['2025-02-03', '0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d'])],
    ['too many parts', encodeCursor(['0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d', 'x', 'y'])],
  ];

  it.each(made)('%s → 400 on every list', async (_name, cursor) => {
    for (const list of lists()) {
      const reply = await atelier.api('GET', `${list}?cursor=${encodeURIComponent(cursor as string)}`);
      expectRefused(reply, 400, 'validation_failed', 'query.cursor');
    }
  });
});

describe('one id is one id', () => {
  it('a session id in upper case reaches the same session: Location, history and the poll agree', async () => {
    const upper = sessionId.toUpperCase();
    const posted = await atelier.api('POST', `/api/v1/chat/sessions/${upper}/messages/`, { content: 'hello there' });
    expect(posted.status).toBe(202);
    expect(posted.body.session_id).toBe(sessionId);
    const location = posted.headers.get('location') as string;
    expect(location).toContain(`/sessions/${sessionId}/messages/${posted.body.id}/`);
    expect((await atelier.api('GET', new URL(location).pathname)).status).toBe(200);
    const history = await atelier.api('GET', `/api/v1/chat/sessions/${upper}/messages/`);
    expect(history.body.data.map((message: { id: string }) => message.id)).toContain(posted.body.id);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${sessionId}/messages/${posted.body.id.toUpperCase()}/`)).status).toBe(200);
  });

  it('a socket subscribing with an upper-case id joins the room the events go to', async () => {
    const socket = await atelier.connect();
    const ack = await socket.emitWithAck('subscribe', { session_id: sessionId.toUpperCase() });
    expect(ack).toEqual({ ok: true, session_id: sessionId });
  });
});

describe('a rejected request never breaks the next one', () => {
  it('ten oversized posts, each followed at once by a normal request on the same keep-alive connection', async () => {
    // Node's own fetch: one pooled keep-alive connection per origin, reused by the next request.
    const url = `${atelier.url}/api/v1/chat/sessions/${sessionId}/messages/`;
    const outcomes: Array<number | string> = [];
    for (let round = 0; round < 10; round += 1) {
      const oversized = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${atelier.token}` },
        body: JSON.stringify({ content: 'x'.repeat(1_000_000) }),
      });
      expect(oversized.status).toBe(413);
      await oversized.text();
      const normal = await fetch(`${atelier.url}/api/v1/chat/sessions/${sessionId}/`, { headers: { authorization: `Bearer ${atelier.token}` } }).then(
        async (reply) => (await reply.text(), reply.status),
        (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? error),
      );
      outcomes.push(normal);
    }
    expect(outcomes).toEqual(Array(10).fill(200));
  });

  it('headers larger than Node parses get the envelope too, and the next request still works', async () => {
    const reply = await fetch(`${atelier.url}/v1/gallery/?cursor=${'c'.repeat(20_000)}`);
    expect(reply.status).toBe(431);
    const body = (await reply.json()) as { error: { code: string; request_id: string } };
    expect(body.error).toMatchObject({ code: 'validation_failed' });
    expect(reply.headers.get('x-request-id')).toBe(body.error.request_id);
    expect((await fetch(`${atelier.url}/health`)).status).toBe(200);
  });

  it('a body that is not JSON says Connection: close when it was not read', async () => {
    const reply = await fetch(`${atelier.url}/api/v1/chat/sessions/${sessionId}/messages/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${atelier.token}` },
      body: 'y'.repeat(500_000),
    });
    expect(reply.status).toBe(415);
    expect(reply.headers.get('connection')).toBe('close');
  });
});
