import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { callApi, recordMessageEvents, startTestAtelier, type TestAtelier, type TestUser } from '../test-harness.js';

/**
 * OWASP API1:2023 Broken Object Level Authorization. Alice makes one of everything (a session,
 * messages, a dead letter, images live and in the trash, an API key); Bob, signed in on the same
 * instance and in the same organisation, names each of her ids on every route and verb. He gets
 * 404, exactly as for an id that does not exist, and nothing of hers changes. The list of cases is
 * checked against the served OpenAPI document, so a new route with an id cannot go untested.
 */

let atelier: TestAtelier;
let alice: TestUser;
let bob: TestUser;
let aliceSocket: Socket;
const her = { session: '', message: '', failed: '', image: '', trashed: '', external: '', mediaPath: '', apiKey: '', template: '', webhook: '', album: '', share: '', shareToken: '', export: '' };

beforeAll(async () => {
  // Her webhook points at this machine (nothing listens there): allowed for the test.
  atelier = await startTestAtelier({ WEBHOOK_ALLOW_PRIVATE: 'true' });
  alice = await atelier.signUp('alice');
  bob = await atelier.signUp('bob');
  aliceSocket = await alice.connect();
  const events = recordMessageEvents(aliceSocket);

  her.session = (await alice.api('POST', '/api/v1/chat/sessions/', { title: 'private' })).body.id;
  await aliceSocket.emitWithAck('subscribe', { session_id: her.session });
  const posted = await alice.api('POST', `/api/v1/chat/sessions/${her.session}/messages/`, { content: 'a lighthouse at dusk', options: { width: 64, height: 64 } });
  her.message = posted.body.id;
  const done = (await events.untilFinal(her.message)).at(-1);
  expect(done?.status).toBe('DONE');
  her.image = (done?.image as { id: string }).id;
  her.mediaPath = new URL(done?.image_url as string).pathname;
  // An enhance in a session with no image fails for good: a dead letter.
  const lonely = (await alice.api('POST', '/api/v1/chat/sessions/', {})).body.id;
  await aliceSocket.emitWithAck('subscribe', { session_id: lonely });
  her.failed = (await alice.api('POST', `/api/v1/chat/sessions/${lonely}/messages/`, { content: 'enhance it' })).body.id;
  expect((await events.untilFinal(her.failed)).at(-1)?.status).toBe('FAILED');
  const external = { url: 'https://images.example/kite.png', prompt: 'a kite', width: 64, height: 64, format: 'png' };
  her.external = (await alice.api('POST', '/v1/gallery/', external)).body.id;
  her.trashed = (await alice.api('POST', '/v1/gallery/', { ...external, url: 'https://images.example/old.png' })).body.id;
  expect((await alice.api('DELETE', `/v1/gallery/${her.trashed}/`)).status).toBe(200);
  her.apiKey = (await alice.api('POST', '/v1/api-keys/', { name: 'alice key' })).body.id;
  her.template = (await alice.api('POST', '/v1/templates/', { name: 'private', text: 'a {subject} at dusk' })).body.id;
  const share = (await alice.api('POST', `/v1/gallery/${her.image}/shares/`, {})).body;
  her.share = share.id;
  her.shareToken = share.token;
  her.webhook = (await alice.api('POST', '/v1/webhooks/', { url: 'http://127.0.0.1:9/hook', events: ['message.cancelled'] })).body.id;
  her.album = (await alice.api('POST', '/v1/gallery/albums/', { name: 'private' })).body.id;
  expect((await alice.api('PUT', `/v1/gallery/albums/${her.album}/images/${her.image}/`)).status).toBe(204);
  her.export = (await alice.api('POST', '/v1/gallery/exports/', { ids: [her.image], format: 'zip' })).body.id;
});

afterAll(async () => {
  await atelier?.close();
});

/** Every route that takes an id, with Alice's ids in it: method, path as documented, path as sent, body. */
function cases(): Array<[string, string, string, unknown?]> {
  const { session, message, failed, image, trashed, external, apiKey, template, webhook, album, share } = her;
  const herExport = her.export;
  return [
    ['GET', '/api/v1/chat/sessions/{id}/', `/api/v1/chat/sessions/${session}/`],
    ['PATCH', '/api/v1/chat/sessions/{id}/', `/api/v1/chat/sessions/${session}/`, { title: 'hijack' }],
    ['DELETE', '/api/v1/chat/sessions/{id}/', `/api/v1/chat/sessions/${session}/`],
    ['POST', '/api/v1/chat/sessions/{id}/messages/', `/api/v1/chat/sessions/${session}/messages/`, { content: 'hijack' }],
    ['GET', '/api/v1/chat/sessions/{id}/messages/', `/api/v1/chat/sessions/${session}/messages/`],
    ['GET', '/api/v1/chat/sessions/{id}/messages/{message_id}/', `/api/v1/chat/sessions/${session}/messages/${message}/`],
    ['GET', '/api/v1/chat/sessions/{id}/messages/{message_id}/', `/api/v1/chat/sessions/${session}/messages/${message}/?wait=5`],
    ['GET', '/api/v1/chat/sessions/{id}/events/', `/api/v1/chat/sessions/${session}/events/`],
    ['GET', '/api/v1/chat/sessions/{id}/messages/{message_id}/events/', `/api/v1/chat/sessions/${session}/messages/${message}/events/`],
    ['POST', '/api/v1/chat/sessions/{id}/messages/{message_id}/cancel/', `/api/v1/chat/sessions/${session}/messages/${message}/cancel/`],
    ['POST', '/api/v1/chat/sessions/{id}/messages/{message_id}/retry/', `/api/v1/chat/sessions/${session}/messages/${failed}/retry/`],
    ['POST', '/api/v1/chat/sessions/{id}/messages/{message_id}/retry/', `/api/v1/chat/sessions/{bob}/messages/${failed}/retry/`],
    ['POST', '/api/v1/chat/sessions/{id}/messages/{message_id}/regenerate/', `/api/v1/chat/sessions/${session}/messages/${message}/regenerate/`, {}],
    ['POST', '/api/v1/chat/sessions/{id}/messages/{message_id}/regenerate/', `/api/v1/chat/sessions/{bob}/messages/${message}/regenerate/`, {}],
    ['GET', '/v1/gallery/{id}/', `/v1/gallery/${image}/`],
    ['GET', '/v1/gallery/{id}/lineage/', `/v1/gallery/${image}/lineage/`],
    // 404, not an empty list: Bob has no image of her message, and cannot tell it exists.
    ['GET', '/v1/gallery/by-message/{message_id}/', `/v1/gallery/by-message/${message}/`],
    // Bob's own session, naming her image as the one to edit.
    ['POST', '/api/v1/chat/sessions/{id}/messages/', `/api/v1/chat/sessions/{bob}/messages/`, { content: 'make it blue', options: { source_image_id: image } }],
    ['GET', '/v1/gallery/{id}/', `/v1/gallery/${external}/`],
    ['DELETE', '/v1/gallery/{id}/', `/v1/gallery/${image}/`],
    ['POST', '/v1/gallery/{id}/restore/', `/v1/gallery/${trashed}/restore/`],
    ['DELETE', '/v1/gallery/{id}/permanent/', `/v1/gallery/${image}/permanent/`],
    ['DELETE', '/v1/gallery/{id}/permanent/', `/v1/gallery/${trashed}/permanent/`],
    ['PUT', '/v1/gallery/{id}/favorite/', `/v1/gallery/${image}/favorite/`],
    ['DELETE', '/v1/gallery/{id}/favorite/', `/v1/gallery/${image}/favorite/`],
    ['GET', '/v1/gallery/albums/{album_id}/', `/v1/gallery/albums/${album}/`],
    ['PATCH', '/v1/gallery/albums/{album_id}/', `/v1/gallery/albums/${album}/`, { name: 'hijack' }],
    ['DELETE', '/v1/gallery/albums/{album_id}/', `/v1/gallery/albums/${album}/`],
    ['GET', '/v1/gallery/albums/{album_id}/images/', `/v1/gallery/albums/${album}/images/`],
    ['PUT', '/v1/gallery/albums/{album_id}/images/{id}/', `/v1/gallery/albums/${album}/images/${image}/`],
    ['DELETE', '/v1/gallery/albums/{album_id}/images/{id}/', `/v1/gallery/albums/${album}/images/${image}/`],
    // Bob's own album, naming her image in it.
    ['PUT', '/v1/gallery/albums/{album_id}/images/{id}/', `/v1/gallery/albums/{bobAlbum}/images/${image}/`],
    ['DELETE', '/v1/gallery/albums/{album_id}/images/{id}/', `/v1/gallery/albums/{bobAlbum}/images/${image}/`],
    // Her album as a list filter, and as the album of a bulk action.
    ['GET', '/v1/gallery/', `/v1/gallery/?album_id=${album}`],
    ['POST', '/v1/gallery/bulk/', '/v1/gallery/bulk/', { action: 'add_to_album', album_id: album, ids: [image] }],
    ['POST', '/v1/gallery/bulk/', '/v1/gallery/bulk/', { action: 'remove_from_album', album_id: album, ids: [image] }],
    ['GET', '/v1/gallery/exports/{id}/', `/v1/gallery/exports/${herExport}/`],
    // Her image, named in an export of Bob's own.
    ['POST', '/v1/gallery/exports/', '/v1/gallery/exports/', { ids: [image], format: 'zip' }],
    ['DELETE', '/v1/api-keys/{id}/', `/v1/api-keys/${apiKey}/`],
    ['GET', '/v1/templates/{id}/', `/v1/templates/${template}/`],
    ['PATCH', '/v1/templates/{id}/', `/v1/templates/${template}/`, { name: 'hijack' }],
    ['DELETE', '/v1/templates/{id}/', `/v1/templates/${template}/`],
    // Her private template, posted as a message in Bob's own session.
    ['POST', '/api/v1/chat/sessions/{id}/messages/', `/api/v1/chat/sessions/{bob}/messages/`, { template_id: template, variables: { subject: 'x' } }],
    ['POST', '/v1/gallery/{id}/shares/', `/v1/gallery/${image}/shares/`, {}],
    ['GET', '/v1/gallery/{id}/shares/', `/v1/gallery/${image}/shares/`],
    ['DELETE', '/v1/gallery/{id}/shares/{share_id}/', `/v1/gallery/${image}/shares/${share}/`],
    ['DELETE', '/v1/webhooks/{id}/', `/v1/webhooks/${webhook}/`],
    ['POST', '/v1/webhooks/{id}/rotate-secret/', `/v1/webhooks/${webhook}/rotate-secret/`],
    ['GET', '/v1/webhooks/{id}/deliveries/', `/v1/webhooks/${webhook}/deliveries/`],
    // Bob's own session, naming Alice's message in it.
    ['GET', '/api/v1/chat/sessions/{id}/messages/{message_id}/', `/api/v1/chat/sessions/{bob}/messages/${failed}/`],
    ['GET', '/api/v1/chat/sessions/{id}/messages/{message_id}/events/', `/api/v1/chat/sessions/{bob}/messages/${failed}/events/`],
  ];
}

/**
 * Routes whose ids are checked elsewhere: admins' routes (API5), signed media (this file, below),
 * public share links, whose token is the credential (gateway/shares.test.ts).
 */
const ELSEWHERE = [/^\/internal\//, /^\/media\//, /^\/v1\/org\//, /^\/docs\//, /^\/s\//];

describe('another user naming her ids', () => {
  it('gets 404 on every route and verb, the same answer as for an id that does not exist', async () => {
    const bobSession = (await bob.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    const bobAlbum = (await bob.api('POST', '/v1/gallery/albums/', { name: 'mine' })).body.id as string;
    for (const [method, , path, body] of cases()) {
      const sent = path.replace('{bob}', bobSession).replace('{bobAlbum}', bobAlbum);
      const reply = await bob.api(method, sent, body);
      expect(reply.status, `${method} ${sent}`).toBe(404);
      expect(reply.body.error.code, `${method} ${sent}`).toBe('not_found');
      const missing = await bob.api(method, sent.replace(/[0-9a-f]{8}-[0-9a-f]{4}-7/g, '00000000-0000-7'), body);
      expect(missing.status, `${method} ${sent} (no such id)`).toBe(404);
    }
  });

  it('gets not_found for each of her images in a bulk action, and nothing of hers changes', async () => {
    const ids = [her.image, her.trashed, her.external];
    for (const action of ['delete', 'restore', 'purge', 'favorite', 'unfavorite']) {
      const reply = await bob.api('POST', '/v1/gallery/bulk/', { action, ids });
      expect(reply.status, action).toBe(200);
      expect(reply.body.results.map((result: { id: string; error?: { code: string } }) => [result.id, result.error?.code]), action).toEqual(ids.map((id) => [id, 'not_found']));
    }
    const bobAlbum = (await bob.api('POST', '/v1/gallery/albums/', { name: 'bulk' })).body.id as string;
    const added = await bob.api('POST', '/v1/gallery/bulk/', { action: 'add_to_album', album_id: bobAlbum, ids });
    expect(added.body).toMatchObject({ succeeded: 0, failed: 3 });
    expect((await bob.api('GET', `/v1/gallery/albums/${bobAlbum}/`)).body.image_count).toBe(0);
  });

  it('covers every documented operation that takes an id', async () => {
    const document = (await callApi(atelier.url, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const covered = new Set(cases().map(([method, path]) => `${method} ${path}`));
    const withIds = Object.entries(document.paths)
      .filter(([path]) => /\{[^}]+\}/.test(path) && !ELSEWHERE.some((pattern) => pattern.test(path)))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(withIds.filter((operation) => !covered.has(operation))).toEqual([]);
  });

  it('empties only his own trash (DELETE /v1/gallery/deleted/ takes no id: it is scoped to the caller)', async () => {
    const emptied = await bob.api('DELETE', '/v1/gallery/deleted/');
    expect(emptied.status).toBe(200);
    expect(emptied.body).toEqual({ deleted: 0 });
    expect((await alice.api('GET', '/v1/gallery/deleted/')).body.data).toEqual([expect.objectContaining({ id: her.trashed })]);
  });

  it('and nothing of hers changed', async () => {
    expect((await alice.api('GET', `/api/v1/chat/sessions/${her.session}/`)).body).toMatchObject({ title: 'private' });
    const history = (await alice.api('GET', `/api/v1/chat/sessions/${her.session}/messages/`)).body.data as Array<{ content: string }>;
    expect(history.map((message) => message.content)).toEqual(['a lighthouse at dusk']);
    expect((await alice.api('GET', `/v1/gallery/${her.image}/`)).body).toMatchObject({ id: her.image, deleted_at: null, favorite: false });
    expect((await alice.api('GET', `/v1/gallery/albums/${her.album}/`)).body).toMatchObject({ name: 'private', image_count: 1 });
    expect((await alice.api('GET', `/v1/gallery/${her.trashed}/`)).body.deleted_at).toEqual(expect.any(String));
    expect((await alice.api('GET', `/v1/gallery/exports/${her.export}/`)).status).toBe(200);
    expect((await alice.api('GET', '/v1/api-keys/')).body.items[0]).toMatchObject({ id: her.apiKey, revoked_at: null });
    expect((await alice.api('GET', `/v1/templates/${her.template}/`)).body).toMatchObject({ name: 'private' });
    expect((await alice.api('GET', `/v1/gallery/${her.image}/shares/`)).body.items).toEqual([expect.objectContaining({ id: her.share, revoked_at: null })]);
    expect((await callApi(atelier.url, 'GET', `/s/${her.shareToken}`, undefined, { accept: 'application/json' })).status).toBe(200);
    expect((await alice.api('GET', '/v1/webhooks/')).body.items).toEqual([expect.objectContaining({ id: her.webhook, disabled_at: null })]);
  });

  it('sees none of her rows in his lists, nor with her cursors', async () => {
    const lists = ['/api/v1/chat/sessions/', '/v1/gallery/', '/v1/gallery/deleted/', '/v1/gallery/albums/', '/v1/api-keys/', '/v1/templates/', '/v1/webhooks/'];
    // The gallery's filters naming her session and message, and a search for her prompt's words.
    lists.push(`/v1/gallery/?session_id=${her.session}`, `/v1/gallery/?message_id=${her.message}`, '/v1/gallery/?q=lighthouse', '/v1/gallery/?q=kite&sort=oldest');
    for (const list of lists) {
      const reply = await bob.api('GET', list);
      expect(reply.status, list).toBe(200);
      const text = JSON.stringify(reply.body);
      for (const id of [her.session, her.image, her.trashed, her.external, her.apiKey, her.template, her.webhook, her.album]) expect(text, list).not.toContain(id);
    }
    // Her cursor, given to him, pages through his rows only.
    const herPage = await alice.api('GET', '/v1/gallery/?limit=1');
    const cursor = herPage.body.next_cursor as string;
    expect(cursor).toEqual(expect.any(String));
    const followed = await bob.api('GET', `/v1/gallery/?limit=10&cursor=${encodeURIComponent(cursor)}`);
    expect(followed.body.data).toEqual([]);
  });

  it('cannot fetch her image file by its path', async () => {
    const unsigned = await bob.api('GET', her.mediaPath);
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.error.code).toBe('forbidden');
  });

  it('cannot join her session\'s room, and hears none of her events', async () => {
    const socket = await bob.connect();
    const heard: string[] = [];
    socket.onAny((event: string) => heard.push(event));
    const ack = await socket.emitWithAck('subscribe', { session_id: her.session });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Nor is her session's event log replayed to him.
    const replay = await socket.emitWithAck('subscribe', { session_id: her.session, after_sequence: 0, after: { [her.message]: 0 } });
    expect(replay).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Alice does things that emit to her session's room and to her user room.
    const events = recordMessageEvents(aliceSocket);
    const posted = await alice.api('POST', `/api/v1/chat/sessions/${her.session}/messages/`, { content: 'hello!' });
    await events.untilFinal(posted.body.id);
    expect((await alice.api('DELETE', `/v1/gallery/${her.external}/`)).status).toBe(200);
    // An event of Bob's own, sent after hers: once it arrives, hers would have arrived too.
    const mine = new Promise((resolve) => socket.once('gallery.image.deleted', resolve));
    const own = (await bob.api('POST', '/v1/gallery/', { url: 'https://images.example/bob.png', prompt: 'b', width: 8, height: 8, format: 'png' })).body.id;
    await bob.api('DELETE', `/v1/gallery/${own}/`);
    await mine;
    expect(heard.filter((event) => event === 'message.updated')).toEqual([]);
    expect(heard.filter((event) => event.startsWith('gallery.'))).toEqual(['gallery.image.created', 'gallery.image.deleted']);
  });
});
