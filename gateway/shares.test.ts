import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryShares } from '../gallery/index.js';
import { callApi, recordMessageEvents, startTestAtelier, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Share links (docs/gallery.md, "Share links") on the real app: Alice shares one image; a visitor
 * with no credential sees that image and nothing else of hers; every dead link is the same 404.
 */

let atelier: TestAtelier;
let alice: TestUser;
let bob: TestUser;
let image = '';
let other = '';
let imageBytes = 0;

type Reply = Awaited<ReturnType<typeof callApi>>;
const visit = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  callApi(atelier.url, method, path, body, headers);
const asJson = { accept: 'application/json' };
const asBrowser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

async function share(body: Record<string, unknown> = {}): Promise<{ id: string; token: string; url: string }> {
  const reply = await alice.api('POST', `/v1/gallery/${image}/shares/`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** The body of a 404 without its request id: what must be the same for every dead link. */
async function deadAnswer(path: string, headers: Record<string, string> = asJson): Promise<unknown> {
  const reply = await visit('GET', path, undefined, headers);
  expect(reply.status).toBe(404);
  const body = reply.body as { error: { request_id: string } };
  return { ...body, error: { ...body.error, request_id: 'x' } };
}

beforeAll(async () => {
  // Few password failures allowed per link and address, to see the limit.
  atelier = await startTestAtelier({ LOGIN_MAX_FAILURES: '4' });
  alice = await atelier.signUp('AlicePainter');
  bob = await atelier.signUp('bob');
  const socket = await alice.connect();
  const events = recordMessageEvents(socket);
  const session = (await alice.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  await socket.emitWithAck('subscribe', { session_id: session });
  const posted = await alice.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a lighthouse at dusk', options: { width: 64, height: 64 } });
  const done = (await events.untilFinal(posted.body.id)).at(-1);
  expect(done?.status).toBe('DONE');
  const made = done?.image as { id: string; bytes: number };
  image = made.id;
  imageBytes = made.bytes;
  other = (await alice.api('POST', '/v1/gallery/', { url: 'https://images.example/secret.png', prompt: 'a secret', width: 8, height: 8, format: 'png' })).body.id;
});

afterAll(async () => {
  await atelier?.close();
});

describe('a share link', () => {
  it('shows its image and prompt, and the owner\'s display name only, as a page and as JSON', async () => {
    const link = await share();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new URL(link.url).pathname).toBe(`/s/${link.token}`);

    const json = await visit('GET', `/s/${link.token}`, undefined, asJson);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ image: { prompt: 'a lighthouse at dusk', width: 64, height: 64 }, owner: { display_name: 'AlicePainter' } });
    const text = JSON.stringify(json.body);
    for (const secret of [alice.user.id, alice.user.email, alice.user.org_id, image, other]) expect(text).not.toContain(secret);

    const page = await visit('GET', `/s/${link.token}`, undefined, asBrowser);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("img-src 'self'");
    expect(page.body).toContain(`<img src="/s/${link.token}/image"`);
    expect(page.body).toContain('Shared by AlicePainter');
    expect(page.body).not.toContain(alice.user.email);

    const file = await fetch(`${atelier.url}/s/${link.token}/image`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect((await file.arrayBuffer()).byteLength).toBe(imageBytes);
    const download = await fetch(`${atelier.url}/s/${link.token}/image?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('hides the prompt and refuses downloads when the owner says so', async () => {
    const link = await share({ show_prompt: false, allow_download: false });
    const json = await visit('GET', `/s/${link.token}`, undefined, asJson);
    expect(json.body.image).toMatchObject({ prompt: null, refined_prompt: null, download_url: null });
    expect(JSON.stringify(json.body)).not.toContain('lighthouse');
    expect((await fetch(`${atelier.url}/s/${link.token}/image`)).status).toBe(200);
    expect((await fetch(`${atelier.url}/s/${link.token}/image?download=1`)).status).toBe(404);
  });

  it('counts its views, concurrent ones exactly', async () => {
    const link = await share();
    await Promise.all(Array.from({ length: 20 }, () => visit('GET', `/s/${link.token}`, undefined, asJson)));
    await fetch(`${atelier.url}/s/${link.token}/image`); // an image fetch is not a view
    const listed = await alice.api('GET', `/v1/gallery/${image}/shares/`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === link.id)).toMatchObject({ views: 20, has_password: false });
    expect(JSON.stringify(listed.body)).not.toContain(link.token);
  });

  it('with a password: the same 404 without it or with a wrong one; the page through the form, JSON and the image through the header', async () => {
    const link = await share({ password: 'open sesame' });
    const dead = await deadAnswer(`/s/${'A'.repeat(32)}`);
    expect(await deadAnswer(`/s/${link.token}`)).toEqual(dead);
    expect(await deadAnswer(`/s/${link.token}`, { ...asJson, 'x-share-password': 'wrong' })).toEqual(dead);
    expect((await fetch(`${atelier.url}/s/${link.token}/image`)).status).toBe(404);

    const json = await visit('GET', `/s/${link.token}`, undefined, { ...asJson, 'x-share-password': 'open sesame' });
    expect(json.status).toBe(200);
    // The image URL it gives carries a short-lived signature, not the password.
    const signed = pathOf(json.body.image.url as string);
    expect(signed).toMatch(/signature=/);
    expect((await fetch(`${atelier.url}${signed}`)).status).toBe(200);
    expect((await fetch(`${atelier.url}/s/${link.token}/image`, { headers: { 'x-share-password': 'open sesame' } })).status).toBe(200);

    // A browser: the 404 page offers the form; posting it shows the image.
    const lock = await visit('GET', `/s/${link.token}`, undefined, asBrowser);
    expect(lock.status).toBe(404);
    expect(lock.body).toContain('<form method="post"');
    const form = await fetch(`${atelier.url}/s/${link.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...asBrowser },
      body: new URLSearchParams({ password: 'open sesame' }).toString(),
    });
    expect(form.status).toBe(200);
    const html = await form.text();
    const src = /<img src="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toMatch(/^\/s\/.+signature=/);
    expect((await fetch(`${atelier.url}${src}`)).status).toBe(200);
    const wrongForm = await fetch(`${atelier.url}/s/${link.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...asBrowser },
      body: 'password=nope',
    });
    expect(wrongForm.status).toBe(404);
  });

  it('slows password guessing per link and address', async () => {
    const link = await share({ password: 'right' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await visit('GET', `/s/${link.token}`, undefined, { ...asJson, 'x-share-password': `guess ${attempt}` })).status);
    }
    expect(statuses.slice(0, 4)).toEqual([404, 404, 404, 404]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    // Another link is not held up by it.
    const fresh = await share({ password: 'right' });
    expect((await visit('GET', `/s/${fresh.token}`, undefined, { ...asJson, 'x-share-password': 'right' })).status).toBe(200);
  });

  it('is the same 404 once expired, revoked, or its image trashed', async () => {
    const dead = await deadAnswer(`/s/${'B'.repeat(32)}`);
    expect(await deadAnswer('/s/not-a-token')).toEqual(dead);

    const expiring = await share({ expires_in: 3600 });
    expect((await visit('GET', `/s/${expiring.token}`, undefined, asJson)).status).toBe(200);
    // Its expiry moved into the past (no clock to wait for).
    await atelier.ctx.postgres.db
      .update(galleryShares)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(galleryShares.id, expiring.id));
    expect(await deadAnswer(`/s/${expiring.token}`)).toEqual(dead);
    expect((await fetch(`${atelier.url}/s/${expiring.token}/image`)).status).toBe(404);

    const revoked = await share();
    expect((await alice.api('DELETE', `/v1/gallery/${image}/shares/${revoked.id}/`)).status).toBe(204);
    expect(await deadAnswer(`/s/${revoked.token}`)).toEqual(dead);
    expect((await fetch(`${atelier.url}/s/${revoked.token}/image`)).status).toBe(404);
    const listed = (await alice.api('GET', `/v1/gallery/${image}/shares/`)).body.items as Array<{ id: string; revoked_at: string | null }>;
    expect(listed.find((item) => item.id === revoked.id)?.revoked_at).toEqual(expect.any(String));

    const live = await share();
    expect((await alice.api('DELETE', `/v1/gallery/${image}/`)).status).toBe(200);
    expect(await deadAnswer(`/s/${live.token}`)).toEqual(dead);
    // Restored, the link works again (it was never revoked).
    expect((await alice.api('POST', `/v1/gallery/${image}/restore/`)).status).toBe(200);
    expect((await visit('GET', `/s/${live.token}`, undefined, asJson)).status).toBe(200);
  });

  it('never reaches another image, nor lists links', async () => {
    const link = await share();
    for (const path of [`/s/${link.token}/${other}`, `/s/${link.token}/image/${other}`, `/s/${link.token}/shares`, '/s/', `/s/${link.token}/../../v1/gallery/${other}`]) {
      const reply = await visit('GET', path, undefined, asJson);
      expect([401, 404], path).toContain(reply.status);
      expect(JSON.stringify(reply.body), path).not.toContain('a secret');
    }
    // The credential-free visitor cannot use the API with the token either.
    const api = await visit('GET', `/v1/gallery/${other}/`, undefined, { authorization: `Bearer ${link.token}` });
    expect(api.status).toBe(401);
  });

  it('cannot be made, listed or revoked by another user (404), nor for a trashed image', async () => {
    const link = await share();
    expect((await bob.api('POST', `/v1/gallery/${image}/shares/`, {})).status).toBe(404);
    expect((await bob.api('GET', `/v1/gallery/${image}/shares/`)).status).toBe(404);
    expect((await bob.api('DELETE', `/v1/gallery/${image}/shares/${link.id}/`)).status).toBe(404);
    expect((await visit('GET', `/s/${link.token}`, undefined, asJson)).status).toBe(200);
    const trashed = (await alice.api('POST', '/v1/gallery/', { url: 'https://images.example/t.png', prompt: 't', width: 8, height: 8, format: 'png' })).body.id;
    await alice.api('DELETE', `/v1/gallery/${trashed}/`);
    expect((await alice.api('POST', `/v1/gallery/${trashed}/shares/`, {})).status).toBe(404);
  });

  it('refuses bad input with a 400', async () => {
    for (const body of [{ expires_in: 0 }, { expires_in: 1.5 }, { password: '' }, { allow_download: 'yes' }, { extra: 1 }]) {
      const reply = await alice.api('POST', `/v1/gallery/${image}/shares/`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
  });

  it('answers the same 404, naming no storage key, when the file is gone (runs last: it removes the file)', async () => {
    const link = await share();
    const entries = await readdir(path.join(atelier.dataDir, 'media'), { recursive: true, withFileTypes: true });
    const file = entries.find((entry) => entry.isFile() && entry.name.startsWith(image));
    expect(file).toBeDefined();
    await rm(path.join(file?.parentPath ?? '', file?.name ?? ''));
    const reply = await visit('GET', `/s/${link.token}/image`, undefined, asJson);
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe('share link not found');
    expect(JSON.stringify(reply.body)).not.toContain(alice.user.id);
  });
});
