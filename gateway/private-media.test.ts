import { access } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryImages } from '../gallery/index.js';
import { loadInstanceSecret } from '../identity/index.js';
import { createMediaSigner } from '../image-service/index.js';
import { recordMessageEvents, startTestAtelier, type ApiResponse, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Private images, against the running system: a file Atelier serves is reachable only through a
 * signed, expiring URL the API handed out (the message, the gallery, their realtime events, the
 * generate answer and its `Location`); unsigned, expired or altered, it is 403 and never the
 * file. Whoever holds such a URL may fetch that one file (a link its owner shared); no URL opens
 * another file. And an image made with `POST /v1/image/generate/` is filed in its maker's
 * gallery, where only they see it and can delete it.
 */

let atelier: TestAtelier;
let alice: TestUser;
let bob: TestUser;
let aliceSocket: Socket;
const galleryEvents: { event: string; image: { id: string; url: string } }[] = [];

const SIGNED = /^http:\/\/localhost:\d+\/media\/users\/[^/?]+\/[0-9a-f-]{36}\.(png|webp|jpg)\?expires=\d+&signature=[\w-]{43}$/;

beforeAll(async () => {
  atelier = await startTestAtelier();
  [alice, bob] = await Promise.all([atelier.signUp('alice'), atelier.signUp('bob')]);
  aliceSocket = await alice.connect();
  for (const event of ['gallery.image.created', 'gallery.image.deleted']) {
    aliceSocket.on(event, (image: { id: string; url: string }) => galleryEvents.push({ event, image }));
  }
});

afterAll(async () => {
  await atelier?.close();
});

/** A direct generation of `who`'s; its answer. */
async function generate(who: TestUser, prompt = 'a red fox in the snow'): Promise<ApiResponse> {
  const answer = await who.api('POST', '/v1/image/generate/', { prompt, width: 64, height: 64, seed: 3 });
  expect(answer.status).toBe(201);
  return answer;
}

/** Fetch a URL as anyone at all would: no credential. */
async function anonymously(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer; body: unknown }> {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(bytes.toString()) as unknown) : undefined;
  return { status: response.status, headers: response.headers, bytes, body: json };
}

async function expectRefused(url: string, file: Buffer): Promise<void> {
  const answer = await anonymously(url);
  expect(answer.status, url).toBe(403);
  expect(answer.body).toMatchObject({ error: { code: 'forbidden', request_id: expect.any(String) } });
  expect(answer.bytes.includes(file)).toBe(false);
}

/** The parts of a signed media URL. */
function parts(url: string): { origin: string; path: string; expires: string; signature: string } {
  const parsed = new URL(url);
  return { origin: parsed.origin, path: parsed.pathname, expires: parsed.searchParams.get('expires') ?? '', signature: parsed.searchParams.get('signature') ?? '' };
}

describe('signed media URLs', () => {
  it('are what every answer and event hands out, and each serves the file to anyone holding it', async () => {
    // The generate answer and its Location.
    const made = await generate(alice);
    expect(made.body.url).toMatch(SIGNED);
    expect(made.headers.get('location')).toMatch(SIGNED);
    const file = await anonymously(made.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.bytes.length).toBe(made.body.bytes);
    // Private to whoever holds the URL, and kept no longer than it lives (1.1 × the default hour).
    const maxAge = Number(/^private, max-age=(\d+), immutable$/.exec(file.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3960);
    expect((await anonymously(made.headers.get('location') ?? '')).status).toBe(200);

    // The gallery: one image, the list, and the realtime event.
    const one = await alice.api('GET', `/v1/gallery/${made.body.id}/`);
    expect(one.body.url).toMatch(SIGNED);
    expect((await anonymously(one.body.url)).bytes.equals(file.bytes)).toBe(true);
    const list = await alice.api('GET', '/v1/gallery/');
    expect(list.body.data.find((image: { id: string }) => image.id === made.body.id)?.url).toMatch(SIGNED);
    const created = galleryEvents.find((e) => e.event === 'gallery.image.created' && e.image.id === made.body.id);
    expect(created?.image.url).toMatch(SIGNED);

    // A chat message: its realtime events and the poll.
    const events = recordMessageEvents(aliceSocket);
    const session = await alice.api('POST', '/api/v1/chat/sessions/', {});
    expect(await aliceSocket.emitWithAck('subscribe', { session_id: session.body.id })).toMatchObject({ ok: true });
    const posted = await alice.api('POST', `/api/v1/chat/sessions/${session.body.id}/messages/`, { content: 'draw a lighthouse', options: { width: 64, height: 64 } });
    expect(posted.status).toBe(202);
    const final = (await events.untilFinal(posted.body.id)).at(-1);
    expect(final).toMatchObject({ status: 'DONE', image_url: expect.stringMatching(SIGNED) });
    expect((await anonymously(final?.image_url as string)).status).toBe(200);
    const polled = await alice.api('GET', `/api/v1/chat/sessions/${session.body.id}/messages/${posted.body.id}/`);
    expect(polled.body.image.url).toMatch(SIGNED);
    expect((await anonymously(polled.body.image.url)).status).toBe(200);
  });

  it('refuses the file unsigned, with a credential or without', async () => {
    const made = await generate(alice);
    const file = (await anonymously(made.body.url)).bytes;
    const { origin, path: pathname } = parts(made.body.url);
    await expectRefused(origin + pathname, file);
    const withCredential = await alice.api('GET', pathname);
    expect(withCredential.status).toBe(403);
  });

  it('refuses it expired, though signed with the instance\'s own key, which every process loads alike', async () => {
    const made = await generate(alice);
    const file = (await anonymously(made.body.url)).bytes;
    const { origin, path: pathname } = parts(made.body.url);
    // A signer made from the key in the database, as a worker process makes its own.
    const signer = createMediaSigner({ key: await loadInstanceSecret(atelier.ctx.postgres.db, 'media-url-key'), ttlSeconds: 60 });
    expect((await anonymously(origin + signer.sign(pathname))).status).toBe(200);
    await expectRefused(origin + signer.sign(pathname, Math.floor(Date.now() / 1000) - 1), file);
  });

  it('refuses it when any part was changed: the path, the expiry or the signature', async () => {
    const made = await generate(alice);
    const other = await generate(alice, 'a blue whale');
    const file = (await anonymously(made.body.url)).bytes;
    const { origin, path: pathname, expires, signature } = parts(made.body.url);
    const flipped = (signature[5] === 'A' ? 'B' : 'A');
    for (const altered of [
      `${origin}${parts(other.body.url).path}?expires=${expires}&signature=${signature}`,
      `${origin}${pathname}?expires=${Number(expires) + 86_400}&signature=${signature}`,
      `${origin}${pathname}?expires=${expires}&signature=${signature.slice(0, 5)}${flipped}${signature.slice(6)}`,
      `${origin}${pathname}?expires=${expires}&signature=${parts(other.body.url).signature}`,
    ]) {
      await expectRefused(altered, file);
    }
  });

  it('lets another user have the file only through a link its owner got, and no signature of theirs opens it', async () => {
    const mine = await generate(alice, 'a secret garden');
    const file = (await anonymously(mine.body.url)).bytes;
    // Bob, given the link Alice's API answer held, gets the file: that is sharing it.
    const shared = await fetch(mine.body.url, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(shared.status).toBe(200);
    expect(Buffer.from(await shared.arrayBuffer()).equals(file)).toBe(true);
    // Without it, Bob cannot reach the image through the API …
    expect((await bob.api('GET', `/v1/gallery/${mine.body.id}/`)).status).toBe(404);
    // … nor the file with a signature of his own (valid, for his own image's path) put on her path.
    const his = parts((await generate(bob, 'a secret garden')).body.url);
    const { origin, path: hers } = parts(mine.body.url);
    expect(hers).not.toBe(his.path);
    await expectRefused(`${origin}${hers}?expires=${his.expires}&signature=${his.signature}`, file);
    // … nor his own signed URL with her user folder put in.
    const herFolder = hers.split('/')[3] as string;
    const swapped = his.path.replace(/\/media\/users\/[^/]+\//, `/media/users/${herFolder}/`);
    await expectRefused(`${origin}${swapped}?expires=${his.expires}&signature=${his.signature}`, file);
  });
});

describe('POST /v1/image/generate/ files the image in the caller\'s gallery', () => {
  it('lists it for its maker only, with their organisation, and lets them trash, restore and delete it with its file', async () => {
    const made = await generate(alice, 'a castle on a hill');
    const id = made.body.id as string;

    const listed = (await alice.api('GET', '/v1/gallery/')).body.data.find((image: { id: string }) => image.id === id);
    expect(listed).toMatchObject({ id, prompt: 'a castle on a hill', intent: 'generate', session_id: null, message_id: null, storage: 'disk', width: 64, height: 64 });
    const [row] = await atelier.ctx.postgres.db.select().from(galleryImages).where(eq(galleryImages.id, id));
    expect(row).toMatchObject({ userId: alice.user.id, orgId: alice.user.org_id, storage: 'disk' });

    // Not Bob's: not in his list, not by id, not in his trash, not deletable.
    expect((await bob.api('GET', '/v1/gallery/')).body.data.map((image: { id: string }) => image.id)).not.toContain(id);
    expect((await bob.api('GET', `/v1/gallery/${id}/`)).status).toBe(404);
    expect((await bob.api('DELETE', `/v1/gallery/${id}/`)).status).toBe(404);
    expect((await bob.api('DELETE', `/v1/gallery/${id}/permanent/`)).status).toBe(404);

    // Alice's: trash, restore, delete for good; the file goes with it, and so does what its URL served.
    const file = path.join(atelier.dataDir, 'media', row?.storageKey ?? '');
    await access(file);
    expect((await alice.api('DELETE', `/v1/gallery/${id}/`)).status).toBe(200);
    expect((await alice.api('GET', '/v1/gallery/deleted/')).body.data.map((image: { id: string }) => image.id)).toContain(id);
    expect((await alice.api('POST', `/v1/gallery/${id}/restore/`)).status).toBe(200);
    expect((await alice.api('DELETE', `/v1/gallery/${id}/permanent/`)).status).toBe(204);
    await expect(access(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await anonymously(made.body.url)).status).toBe(404);
    expect((await alice.api('GET', `/v1/gallery/${id}/`)).status).toBe(404);
  });
});
