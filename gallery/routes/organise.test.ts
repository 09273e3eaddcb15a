import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier, type TestUser } from '../../gateway/test-harness.js';
import type { Album } from '../album-schemas.js';
import type { GalleryImage } from '../schemas.js';

/**
 * Favorites, albums and bulk actions (docs/gallery.md, "Favorites, albums and bulk actions"), on
 * the whole system: real Postgres and Redis, the pipeline making a real image, webhooks delivered
 * to a receiver on this machine. Every user sees only their own images and albums.
 */

type Page<T> = { data: T[]; next_cursor: string | null };

let atelier: TestAtelier;
let bob: TestUser;
let socket: Socket;
/** Webhook deliveries received, as parsed bodies. */
const delivered: Array<{ type: string; data: { id: string; permanent?: boolean } }> = [];
let receiver: Server;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.end('ok');
    });
  });
  const receiverUrl = await new Promise<string>((resolve) =>
    receiver.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}`)),
  );
  atelier = await startTestAtelier({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_BACKOFF_MS: '20' });
  bob = await atelier.signUp('bob');
  socket = await atelier.connect();
  const hook = await atelier.api('POST', '/v1/webhooks/', { url: `${receiverUrl}/hook`, events: ['gallery.image.deleted'] });
  expect(hook.status).toBe(201);
});

afterAll(async () => {
  socket?.close();
  await atelier?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

let filed = 0;
/** A new external image of `user`'s (the owner's by default). */
async function file(user: TestUser = atelier): Promise<GalleryImage> {
  filed += 1;
  const reply = await user.api('POST', '/v1/gallery/', { url: `https://images.example/${filed}.png`, prompt: `picture ${filed}`, width: 64, height: 64, format: 'png' });
  expect(reply.status).toBe(201);
  return reply.body;
}

async function trashed(user: TestUser = atelier): Promise<GalleryImage> {
  const image = await file(user);
  expect((await user.api('DELETE', `/v1/gallery/${image.id}/`)).status).toBe(200);
  return image;
}

async function album(name: string, user: TestUser = atelier): Promise<Album> {
  const reply = await user.api('POST', '/v1/gallery/albums/', { name });
  expect(reply.status).toBe(201);
  return reply.body;
}

/** Every page of a listing (`url` may have a query), following `next_cursor`: the ids, page by page. */
async function pages(url: string, limit: number, user: TestUser = atelier): Promise<string[][]> {
  const result: string[][] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const reply = await user.api('GET', `${url}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(reply.status, url).toBe(200);
    const page = reply.body as Page<{ id: string }>;
    result.push(page.data.map((item) => item.id));
    cursor = page.next_cursor;
  } while (cursor !== null);
  return result;
}

const newestFirst = (ids: string[]) => [...ids].sort().reverse();
const albumOf = async (id: string) => (await atelier.api('GET', `/v1/gallery/albums/${id}/`)).body as Album;
const albumImages = async (id: string) => (await pages(`/v1/gallery/albums/${id}/images/`, 100)).flat();
const bulk = async (body: unknown, user: TestUser = atelier) => user.api('POST', '/v1/gallery/bulk/', body);
type BulkResults = Array<{ id: string; ok: boolean; error?: { code: string } }>;
/** Each result as its error code, or `ok`. */
const outcomes = (results: BulkResults) => results.map((result) => result.error?.code ?? 'ok');

describe('favorites', () => {
  it('stars and unstars an image, idempotently, and shows it on the image', async () => {
    const image = await file();
    expect(image.favorite).toBe(false);
    const starred = await atelier.api('PUT', `/v1/gallery/${image.id}/favorite/`);
    expect(starred.status).toBe(200);
    expect(starred.body).toMatchObject({ id: image.id, favorite: true });
    const again = await atelier.api('PUT', `/v1/gallery/${image.id}/favorite`);
    expect(again.status).toBe(200);
    // Nothing changed the second time.
    expect(again.body.updated_at).toBe(starred.body.updated_at);
    expect((await atelier.api('GET', `/v1/gallery/${image.id}/`)).body.favorite).toBe(true);

    const unstarred = await atelier.api('DELETE', `/v1/gallery/${image.id}/favorite/`);
    expect(unstarred.status).toBe(200);
    expect(unstarred.body.favorite).toBe(false);
    expect((await atelier.api('DELETE', `/v1/gallery/${image.id}/favorite/`)).body.favorite).toBe(false);
  });

  it('refuses to star an image in the trash (restore it first), but unstars one', async () => {
    const image = await file();
    await atelier.api('PUT', `/v1/gallery/${image.id}/favorite/`);
    await atelier.api('DELETE', `/v1/gallery/${image.id}/`);
    // A favorite stays one in the trash, and is one again when restored.
    expect((await atelier.api('GET', `/v1/gallery/${image.id}/`)).body).toMatchObject({ favorite: true, deleted_at: expect.any(String) });
    const other = await trashed();
    const refused = await atelier.api('PUT', `/v1/gallery/${other.id}/favorite/`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    const unstarred = await atelier.api('DELETE', `/v1/gallery/${image.id}/favorite/`);
    expect(unstarred.status).toBe(200);
    expect(unstarred.body).toMatchObject({ favorite: false, deleted_at: expect.any(String) });
  });

  it('answers 404 for an image that is missing or another user\'s, and leaves that one as it was', async () => {
    const his = await file(bob);
    for (const method of ['PUT', 'DELETE']) {
      for (const id of [his.id, '01950000-0000-7000-8000-00000000dead']) {
        const reply = await atelier.api(method, `/v1/gallery/${id}/favorite/`);
        expect(reply.status, `${method} ${id}`).toBe(404);
        expect(reply.body.error.code).toBe('not_found');
      }
    }
    expect((await bob.api('GET', `/v1/gallery/${his.id}/`)).body.favorite).toBe(false);
    expect((await atelier.api('PUT', '/v1/gallery/not-a-uuid/favorite/')).status).toBe(400);
  });
});

describe('albums', () => {
  it('are made, read, renamed, listed newest first with their counts, and deleted', async () => {
    const user = await atelier.signUp('albums');
    const made = [];
    for (const name of ['Sketches', 'Sunsets', 'Sketches']) made.push(await album(name, user));
    expect(made[0]).toMatchObject({ name: 'Sketches', image_count: 0, id: expect.any(String) });
    // Two albums may share a name.
    expect(made[2]?.id).not.toBe(made[0]?.id);

    const id = made[1]?.id as string;
    const renamed = await user.api('PATCH', `/v1/gallery/albums/${id}/`, { name: '  Dusk  ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'Dusk' });
    expect((await user.api('GET', `/v1/gallery/albums/${id}/`)).body.name).toBe('Dusk');

    const image = await file(user);
    expect((await user.api('PUT', `/v1/gallery/albums/${id}/images/${image.id}/`)).status).toBe(204);
    const listed = await pages('/v1/gallery/albums/', 2, user);
    expect(listed.map((page) => page.length)).toEqual([2, 1]);
    expect(listed.flat()).toEqual(newestFirst(made.map((entry) => entry.id)));
    const all = (await user.api('GET', '/v1/gallery/albums/')).body as Page<Album>;
    expect(all.data.map((entry) => entry.image_count)).toEqual([0, 1, 0]);

    expect((await user.api('DELETE', `/v1/gallery/albums/${id}/`)).status).toBe(204);
    expect((await user.api('GET', `/v1/gallery/albums/${id}/`)).status).toBe(404);
    expect((await user.api('DELETE', `/v1/gallery/albums/${id}/`)).status).toBe(404);
    // Its image stays in the gallery.
    expect((await user.api('GET', `/v1/gallery/${image.id}/`)).body.deleted_at).toBeNull();
  });

  it('refuse a name that is empty or too long, and a body that is not one', async () => {
    for (const body of [{ name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, {}, { name: 7 }]) {
      const reply = await atelier.api('POST', '/v1/gallery/albums/', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
    const own = await album('ok');
    expect((await atelier.api('PATCH', `/v1/gallery/albums/${own.id}/`, { name: '' })).status).toBe(400);
  });

  it('hold images (one image in several), list them newest first with paging, and let them go', async () => {
    const [first, second] = [await album('first'), await album('second')];
    const images = [await file(), await file(), await file()];
    for (const image of images) {
      expect((await atelier.api('PUT', `/v1/gallery/albums/${first.id}/images/${image.id}/`)).status).toBe(204);
    }
    // Again: nothing changes.
    expect((await atelier.api('PUT', `/v1/gallery/albums/${first.id}/images/${images[0]?.id}/`)).status).toBe(204);
    expect((await atelier.api('PUT', `/v1/gallery/albums/${second.id}/images/${images[0]?.id}/`)).status).toBe(204);

    const paged = await pages(`/v1/gallery/albums/${first.id}/images/`, 2);
    expect(paged.map((page) => page.length)).toEqual([2, 1]);
    expect(paged.flat()).toEqual(newestFirst(images.map((image) => image.id)));
    expect((await albumOf(first.id)).image_count).toBe(3);
    expect(await albumImages(second.id)).toEqual([images[0]?.id]);

    expect((await atelier.api('DELETE', `/v1/gallery/albums/${first.id}/images/${images[0]?.id}/`)).status).toBe(204);
    expect((await atelier.api('DELETE', `/v1/gallery/albums/${first.id}/images/${images[0]?.id}/`)).status).toBe(204);
    expect(await albumImages(first.id)).toEqual(newestFirst([images[1]?.id as string, images[2]?.id as string]));
    // Still in its other album, and in the gallery.
    expect(await albumImages(second.id)).toEqual([images[0]?.id]);
    expect((await atelier.api('GET', `/v1/gallery/${images[0]?.id}/`)).body.deleted_at).toBeNull();
  });

  it('keep a trashed image but do not show it until it is restored; a purged image leaves them', async () => {
    const own = await album('trash and back');
    const [kept, purged] = [await file(), await file()];
    for (const image of [kept, purged]) await atelier.api('PUT', `/v1/gallery/albums/${own.id}/images/${image.id}/`);

    await atelier.api('DELETE', `/v1/gallery/${kept.id}/`);
    expect(await albumImages(own.id)).toEqual([purged.id]);
    expect((await albumOf(own.id)).image_count).toBe(1);
    // A trashed image cannot be added (restore it first), but it can be taken out.
    const refused = await atelier.api('PUT', `/v1/gallery/albums/${own.id}/images/${kept.id}/`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect((await atelier.api('POST', `/v1/gallery/${kept.id}/restore/`)).status).toBe(200);
    expect(await albumImages(own.id)).toEqual(newestFirst([kept.id, purged.id]));

    expect((await atelier.api('DELETE', `/v1/gallery/${purged.id}/permanent/`)).status).toBe(204);
    expect(await albumImages(own.id)).toEqual([kept.id]);
    expect((await albumOf(own.id)).image_count).toBe(1);
    expect((await atelier.api('PUT', `/v1/gallery/albums/${own.id}/images/${purged.id}/`)).status).toBe(404);
  });

  it('are private: another user\'s album or image answers 404, as a missing one does, and nothing of his changes', async () => {
    const his = await album('his', bob);
    const hisImage = await file(bob);
    await bob.api('PUT', `/v1/gallery/albums/${his.id}/images/${hisImage.id}/`);
    const mine = await album('mine');
    const myImage = await file();
    const tries: Array<[string, string, unknown?]> = [
      ['GET', `/v1/gallery/albums/${his.id}/`],
      ['PATCH', `/v1/gallery/albums/${his.id}/`, { name: 'taken' }],
      ['DELETE', `/v1/gallery/albums/${his.id}/`],
      ['GET', `/v1/gallery/albums/${his.id}/images/`],
      ['PUT', `/v1/gallery/albums/${his.id}/images/${myImage.id}/`],
      ['DELETE', `/v1/gallery/albums/${his.id}/images/${hisImage.id}/`],
      ['PUT', `/v1/gallery/albums/${mine.id}/images/${hisImage.id}/`],
      ['DELETE', `/v1/gallery/albums/${mine.id}/images/${hisImage.id}/`],
      ['GET', `/v1/gallery/?album_id=${his.id}`],
    ];
    for (const [method, path, body] of tries) {
      const reply = await atelier.api(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
    expect(await albumImages(mine.id)).toEqual([]);
    expect((await bob.api('GET', `/v1/gallery/albums/${his.id}/`)).body).toMatchObject({ name: 'his', image_count: 1 });
    const hisList = (await pages('/v1/gallery/albums/', 100)).flat();
    expect(hisList).not.toContain(his.id);
  });
});

describe('the list filters favorite and album_id', () => {
  it('page through exactly the matching images, alone and together, neither repeating nor skipping', async () => {
    const user = await atelier.signUp('filters');
    const images: GalleryImage[] = [];
    for (let index = 0; index < 7; index += 1) images.push(await file(user));
    const own = await album('picked', user);
    const starred = images.filter((_, index) => index % 2 === 0).map((image) => image.id);
    const inAlbum = images.filter((_, index) => index % 3 === 0).map((image) => image.id);
    for (const id of starred) await user.api('PUT', `/v1/gallery/${id}/favorite/`);
    for (const id of inAlbum) await user.api('PUT', `/v1/gallery/albums/${own.id}/images/${id}/`);
    // A trashed favorite in the album is in no list.
    const gone = await file(user);
    await user.api('PUT', `/v1/gallery/${gone.id}/favorite/`);
    await user.api('PUT', `/v1/gallery/albums/${own.id}/images/${gone.id}/`);
    await user.api('DELETE', `/v1/gallery/${gone.id}/`);

    const all = images.map((image) => image.id);
    const expected: Array<[string, string[]]> = [
      ['favorite=true', starred],
      ['favorite=false', all.filter((id) => !starred.includes(id))],
      [`album_id=${own.id}`, inAlbum],
      [`album_id=${own.id.toUpperCase()}&favorite=true`, inAlbum.filter((id) => starred.includes(id))],
      [`album_id=${own.id}&favorite=false`, inAlbum.filter((id) => !starred.includes(id))],
    ];
    for (const [query, ids] of expected) {
      for (const limit of [1, 2, 3]) {
        const paged = await pages(`/v1/gallery/?${query}`, limit, user);
        expect(paged.flat(), `${query} limit ${limit}`).toEqual(newestFirst(ids));
        expect(paged.every((page) => page.length <= limit)).toBe(true);
      }
    }
    const listed = (await user.api('GET', '/v1/gallery/?favorite=true&limit=100')).body as Page<GalleryImage>;
    expect(listed.data.every((image) => image.favorite)).toBe(true);
  });

  it('refuse a value that is not one', async () => {
    for (const query of ['favorite=yes', 'favorite=', 'album_id=abc']) {
      const reply = await atelier.api('GET', `/v1/gallery/?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
    expect((await atelier.api('GET', '/v1/gallery/?album_id=01950000-0000-7000-8000-00000000dead')).status).toBe(404);
  });
});

describe('bulk actions', () => {
  const missing = '01950000-0000-7000-8000-00000000beef';

  it('delete: a mix of good, missing, foreign and trashed ids, each answered on its own, with the usual events', async () => {
    const heard: string[] = [];
    const listener = (payload: { id: string }) => heard.push(payload.id);
    socket.on('gallery.image.deleted', listener);
    const good = [await file(), await file()];
    const foreign = await file(bob);
    const inTrash = await trashed();
    const ids = [good[0]?.id, missing, foreign.id, inTrash.id, good[1]?.id, good[0]?.id];
    const reply = await bulk({ action: 'delete', ids });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      succeeded: 3,
      failed: 2,
      results: [
        { id: good[0]?.id, ok: true },
        { id: missing, ok: false, error: { code: 'not_found', message: expect.any(String) } },
        { id: foreign.id, ok: false, error: { code: 'not_found', message: expect.any(String) } },
        // Already in the trash: done, as the single route says.
        { id: inTrash.id, ok: true },
        { id: good[1]?.id, ok: true },
      ],
    });
    for (const image of good) expect((await atelier.api('GET', `/v1/gallery/${image?.id}/`)).body.deleted_at).toEqual(expect.any(String));
    expect((await bob.api('GET', `/v1/gallery/${foreign.id}/`)).body.deleted_at).toBeNull();
    await expect.poll(() => heard.filter((id) => good.some((image) => image?.id === id)).length).toBe(2);
    socket.off('gallery.image.deleted', listener);
    // The trashed one sent nothing again: its one event is from when it was trashed (events
    // reach the socket in order, so a second one would be here by now).
    expect(heard.filter((id) => id === inTrash.id)).toHaveLength(1);
    await expect.poll(() => delivered.filter((event) => good.some((image) => image?.id === event.data.id)).map((event) => event.type)).toEqual([
      'gallery.image.deleted',
      'gallery.image.deleted',
    ]);
  });

  it('restore, favorite, unfavorite: the wrong state fails alone, as a conflict', async () => {
    const live = await file();
    const inTrash = await trashed();
    const foreign = await trashed(bob);
    const restored = await bulk({ action: 'restore', ids: [inTrash.id, live.id, foreign.id] });
    expect(outcomes(restored.body.results)).toEqual(['ok', 'conflict', 'not_found']);
    expect((await atelier.api('GET', `/v1/gallery/${inTrash.id}/`)).body.deleted_at).toBeNull();
    expect((await bob.api('GET', `/v1/gallery/${foreign.id}/`)).body.deleted_at).toEqual(expect.any(String));

    const nowTrashed = await trashed();
    const starred = await bulk({ action: 'favorite', ids: [live.id, nowTrashed.id, missing, inTrash.id] });
    expect(starred.body).toMatchObject({ succeeded: 2, failed: 2 });
    expect(outcomes(starred.body.results)).toEqual(['ok', 'conflict', 'not_found', 'ok']);
    const favorites = (await pages('/v1/gallery/?favorite=true', 100)).flat();
    expect(favorites).toEqual(expect.arrayContaining([live.id, inTrash.id]));

    const unstarred = await bulk({ action: 'unfavorite', ids: [live.id, nowTrashed.id, foreign.id] });
    expect(outcomes(unstarred.body.results)).toEqual(['ok', 'ok', 'not_found']);
    expect((await atelier.api('GET', `/v1/gallery/${live.id}/`)).body.favorite).toBe(false);
  });

  it('purge: removes images for good, tells the chat message that made one, and leaves the others', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    const posted = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a lighthouse at dusk', options: { width: 64, height: 64 } });
    const done = (await events.untilFinal(posted.body.id)).at(-1) as MessageEvent;
    expect(done.status).toBe('DONE');
    const made = (done.image as { id: string }).id;
    const own = await album('purged');
    await atelier.api('PUT', `/v1/gallery/albums/${own.id}/images/${made}/`);
    const inTrash = await trashed();
    const foreign = await file(bob);

    const reply = await bulk({ action: 'purge', ids: [made, inTrash.id, foreign.id, missing] });
    expect(outcomes(reply.body.results)).toEqual(['ok', 'ok', 'not_found', 'not_found']);
    for (const id of [made, inTrash.id]) expect((await atelier.api('GET', `/v1/gallery/${id}/`)).status).toBe(404);
    expect((await bob.api('GET', `/v1/gallery/${foreign.id}/`)).status).toBe(200);
    // The message no longer links to a file that is gone; the album no longer holds it.
    const message = await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${posted.body.id}/`);
    expect(message.body).toMatchObject({ image: null, image_url: null, image_deleted_at: expect.any(String) });
    expect(await albumImages(own.id)).toEqual([]);
    await expect.poll(() => delivered.find((event) => event.data.id === made)).toMatchObject({ type: 'gallery.image.deleted', data: { permanent: true } });
  });

  it('add_to_album and remove_from_album: one statement for all, each id answered', async () => {
    const own = await album('bulk');
    const [a, b] = [await file(), await file()];
    const inTrash = await trashed();
    const foreign = await file(bob);
    const added = await bulk({ action: 'add_to_album', album_id: own.id, ids: [a.id, b.id, inTrash.id, foreign.id, missing] });
    expect(added.status).toBe(200);
    expect(outcomes(added.body.results)).toEqual(['ok', 'ok', 'conflict', 'not_found', 'not_found']);
    expect(await albumImages(own.id)).toEqual(newestFirst([a.id, b.id]));

    const removed = await bulk({ action: 'remove_from_album', album_id: own.id, ids: [a.id, inTrash.id, foreign.id] });
    expect(outcomes(removed.body.results)).toEqual(['ok', 'ok', 'not_found']);
    expect(await albumImages(own.id)).toEqual([b.id]);

    // His album: 404 for the whole request, and nothing is added to it.
    const his = await album('his bulk', bob);
    const refused = await bulk({ action: 'add_to_album', album_id: his.id, ids: [a.id] });
    expect(refused.status).toBe(404);
    expect((await bob.api('GET', `/v1/gallery/albums/${his.id}/`)).body.image_count).toBe(0);
  });

  it('refuses a request that is not one: unknown action, no ids, more than 500, a bad id, album_id where it does not belong', async () => {
    const image = await file();
    const own = await album('refusals');
    const tooMany = Array.from({ length: 501 }, (_, index) => `01950000-0000-7000-8000-${String(index).padStart(12, '0')}`);
    const bodies: unknown[] = [
      { action: 'explode', ids: [image.id] },
      { ids: [image.id] },
      { action: 'delete', ids: [] },
      { action: 'delete' },
      { action: 'delete', ids: tooMany },
      { action: 'delete', ids: [image.id, 'nope'] },
      { action: 'add_to_album', ids: [image.id] },
      { action: 'delete', ids: [image.id], album_id: own.id },
    ];
    for (const body of bodies) {
      const reply = await bulk(body);
      expect(reply.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
    // Nothing was done.
    expect((await atelier.api('GET', `/v1/gallery/${image.id}/`)).body.deleted_at).toBeNull();
    // 500 is allowed.
    const most = await bulk({ action: 'favorite', ids: tooMany.slice(0, 500) });
    expect(most.status).toBe(200);
    expect(most.body).toMatchObject({ succeeded: 0, failed: 500 });
  });

  it('works through 500 images of one user (the time is printed, not asserted)', async () => {
    const user = await atelier.signUp('many');
    const ids: string[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      const made = await Promise.all(Array.from({ length: 25 }, () => file(user)));
      ids.push(...made.map((image) => image.id));
    }
    const timed: Array<[string, number]> = [];
    for (const action of ['favorite', 'delete', 'restore', 'unfavorite']) {
      const started = performance.now();
      const reply = await bulk({ action, ids }, user);
      timed.push([action, Math.round(performance.now() - started)]);
      expect(reply.body, action).toMatchObject({ succeeded: 500, failed: 0 });
    }
    const own = await album('everything', user);
    const started = performance.now();
    expect((await bulk({ action: 'add_to_album', album_id: own.id, ids }, user)).body.succeeded).toBe(500);
    timed.push(['add_to_album', Math.round(performance.now() - started)]);
    expect((await user.api('GET', `/v1/gallery/albums/${own.id}/`)).body.image_count).toBe(500);
    console.log(`bulk of 500 images, ms: ${timed.map(([action, ms]) => `${action} ${ms}`).join(', ')}`);
  }, 120_000);
});
