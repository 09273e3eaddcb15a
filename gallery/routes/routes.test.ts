import { randomBytes } from 'node:crypto';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../gateway/app.js';
import { createDiskStorage, createMediaLinks, createMediaSigner } from '../../image-service/index.js';
import type { Postgres } from '../../shared/connections/postgres.js';
import { encodeCursor } from '../../shared/pagination.js';
import type { App } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { testCredential } from '../../shared/testing/principal.js';
import { createLogger } from '../../shared/logger.js';
import { createRedisPublisher } from '../../shared/realtime.js';
import { createTestPostgres } from '../../shared/testing/postgres.js';
import { createTestRedis, uniquePrefix } from '../../shared/testing/redis.js';
import type { GalleryContext } from '../context.js';
import { migrateGallery } from '../migrate.js';
import { saveImage } from '../save-image.js';
import type { GalleryImage } from '../schemas.js';
import {
  registerCreateImage,
  registerDeleteImage,
  registerDeleteImagePermanently,
  registerGetImage,
  registerListDeletedImages,
  registerListImages,
  registerRestoreImage,
} from '../index.js';

const logger = createLogger({ level: 'silent' });
const redis = createTestRedis();
let postgres: Postgres;
let mediaDir: string;
let ctx: GalleryContext;

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateGallery(postgres);
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'gallery-routes-'));
  ctx = {
    db: postgres.db,
    storage: createDiskStorage({ mediaDir }),
    links: createMediaLinks({ publicUrl: 'http://localhost:9999', signer: createMediaSigner({ key: randomBytes(32), ttlSeconds: 3600 }) }),
    realtime: createRedisPublisher(redis, uniquePrefix('gallery'), () => {}),
    logger,
  };
});

afterAll(async () => {
  await postgres?.close();
  await redis.quit();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

/** The credential each app's requests carry. */
const credentials = new WeakMap<App, Record<string, string>>();

/** The real app, acting as `userId`. */
function appFor(userId: string): App {
  const credential = testCredential(userId);
  const app = createApp({
    logger,
    authenticate: credential.authenticate,
    corsOrigins: '*',
    bodyLimitBytes: 256 * 1024,
    // The order of gateway/routes.ts: "deleted" before "{id}".
    register: (app) => {
      for (const register of [
        registerListImages,
        registerCreateImage,
        registerListDeletedImages,
        registerGetImage,
        registerDeleteImage,
        registerRestoreImage,
        registerDeleteImagePermanently,
      ]) {
        register(app, ctx);
      }
    },
  });
  credentials.set(app, credential.headers);
  return app;
}

type Reply = { status: number; body: any };

async function call(app: App, method: string, url: string, body?: unknown): Promise<Reply> {
  const init: RequestInit = { method, headers: credentials.get(app) ?? {} };
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json', ...credentials.get(app) };
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await app.request(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const linked = (n: number | string) => ({
  url: `https://images.example.com/${n}.png`,
  prompt: `picture ${n}`,
  width: 640,
  height: 480,
  format: 'png',
});

async function create(app: App, n: number | string): Promise<GalleryImage> {
  const reply = await call(app, 'POST', '/v1/gallery', linked(n));
  expect(reply.status).toBe(201);
  return reply.body;
}

/** Every page of a listing, following `next_cursor`. */
async function allPages(app: App, url: string, limit: number): Promise<GalleryImage[][]> {
  const pages: GalleryImage[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const reply = await call(app, 'GET', url + query);
    expect(reply.status).toBe(200);
    pages.push(reply.body.data);
    cursor = reply.body.next_cursor;
  } while (cursor);
  return pages;
}

const fileExists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('gallery routes: the lifecycle', () => {
  it('files a linked image, trashes it, restores it and removes it for good', async () => {
    const app = appFor(`life-${newId()}`);

    const created = await call(app, 'POST', '/v1/gallery', { ...linked('life'), metadata: { tool: 'upload' } });
    expect(created.status).toBe(201);
    const image: GalleryImage = created.body;
    expect(image).toMatchObject({
      url: 'https://images.example.com/life.png',
      prompt: 'picture life',
      provider: 'external',
      storage: 'external',
      bytes: null,
      metadata: { tool: 'upload' },
      deleted_at: null,
    });
    expect(image).not.toHaveProperty('storage_key');
    expect(image).not.toHaveProperty('user_id');

    expect((await call(app, 'GET', `/v1/gallery/${image.id}`)).body).toEqual(image);
    expect((await call(app, 'GET', '/v1/gallery')).body.data.map((i: GalleryImage) => i.id)).toEqual([image.id]);

    const deleted = await call(app, 'DELETE', `/v1/gallery/${image.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted_at).toEqual(expect.any(String));
    expect((await call(app, 'GET', '/v1/gallery')).body.data).toEqual([]);
    // The trash shows when the retention purge will take it (TRASH_RETENTION_DAYS, default 30).
    const purgeAt = new Date(Date.parse(deleted.body.deleted_at as string) + 30 * 24 * 3600 * 1000).toISOString();
    expect((await call(app, 'GET', '/v1/gallery/deleted')).body.data).toEqual([{ ...deleted.body, purge_at: purgeAt }]);
    expect((await call(app, 'GET', `/v1/gallery/${image.id}`)).body.deleted_at).toBe(deleted.body.deleted_at);

    const deletedAgain = await call(app, 'DELETE', `/v1/gallery/${image.id}`);
    expect(deletedAgain).toEqual({ status: 200, body: deleted.body });

    const restored = await call(app, 'POST', `/v1/gallery/${image.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.deleted_at).toBeNull();
    expect((await call(app, 'GET', '/v1/gallery')).body.data).toEqual([restored.body]);
    expect((await call(app, 'GET', '/v1/gallery/deleted')).body.data).toEqual([]);

    const restoredAgain = await call(app, 'POST', `/v1/gallery/${image.id}/restore`);
    expect(restoredAgain.status).toBe(409);
    expect(restoredAgain.body.error.code).toBe('conflict');

    const gone = await call(app, 'DELETE', `/v1/gallery/${image.id}/permanent`);
    expect(gone).toEqual({ status: 204, body: null });
    expect((await call(app, 'GET', `/v1/gallery/${image.id}`)).status).toBe(404);
    expect((await call(app, 'DELETE', `/v1/gallery/${image.id}/permanent`)).status).toBe(404);
    expect((await call(app, 'POST', `/v1/gallery/${image.id}/restore`)).status).toBe(404);
    expect((await call(app, 'GET', '/v1/gallery')).body.data).toEqual([]);
    expect((await call(app, 'GET', '/v1/gallery/deleted')).body.data).toEqual([]);
  });

  it("keeps a stored image's file while it is in the trash and removes it with the image", async () => {
    const userId = `disk-${newId()}`;
    const app = appFor(userId);
    const messageId = newId();
    const stored = await ctx.storage.put({ imageId: newId(), userId, data: Buffer.from('not really a png'), format: 'png' });
    const file = path.join(mediaDir, stored.key);
    const { image } = await saveImage({
      ctx,
      input: {
        userId,
        messageId,
        prompt: 'a forest',
        provider: 'offline',
        width: 64,
        height: 64,
        format: 'png',
        bytes: stored.bytes,
        url: stored.url,
        storage: 'disk',
        storageKey: stored.key,
      },
    });
    expect(await fileExists(file)).toBe(true);

    expect((await call(app, 'DELETE', `/v1/gallery/${image.id}`)).status).toBe(200);
    expect(await fileExists(file)).toBe(true);

    expect((await call(app, 'DELETE', `/v1/gallery/${image.id}/permanent`)).status).toBe(204);
    expect(await fileExists(file)).toBe(false);
    expect((await call(app, 'GET', `/v1/gallery/${image.id}`)).status).toBe(404);
  });

  it('removes a live image for good too, without passing through the trash', async () => {
    const app = appFor(`live-${newId()}`);
    const image = await create(app, 'live');

    expect((await call(app, 'DELETE', `/v1/gallery/${image.id}/permanent/`)).status).toBe(204);
    expect((await call(app, 'GET', '/v1/gallery/deleted')).body.data).toEqual([]);
    expect((await call(app, 'GET', `/v1/gallery/${image.id}/`)).status).toBe(404);
  });

  it('a file that cannot be removed keeps the image, so the delete can be retried', async () => {
    const userId = `stuck-${newId()}`;
    const app = appFor(userId);
    const key = `users/${userId}/${newId()}.png`;
    // A directory where the file should be: `rm` without `recursive` refuses it.
    await mkdir(path.join(mediaDir, key), { recursive: true });
    const { image } = await saveImage({
      ctx,
      input: { ...linked('stuck'), userId, provider: 'offline', storage: 'disk', storageKey: key },
    });

    const failed = await call(app, 'DELETE', `/v1/gallery/${image.id}/permanent`);
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('storage_unavailable');
    expect((await call(app, 'GET', `/v1/gallery/${image.id}`)).status).toBe(200);

    await rm(path.join(mediaDir, key), { recursive: true });
    expect((await call(app, 'DELETE', `/v1/gallery/${image.id}/permanent`)).status).toBe(204);
    expect((await call(app, 'GET', `/v1/gallery/${image.id}`)).status).toBe(404);
  });

  it('answers with and without the trailing slash, and does not take "deleted" for an id', async () => {
    const app = appFor(`slash-${newId()}`);
    const image = await create(app, 'slash');

    expect((await call(app, 'GET', '/v1/gallery/')).body.data).toHaveLength(1);
    expect((await call(app, 'GET', `/v1/gallery/${image.id}/`)).body.id).toBe(image.id);
    expect((await call(app, 'DELETE', `/v1/gallery/${image.id}/`)).status).toBe(200);
    expect((await call(app, 'GET', '/v1/gallery/deleted/')).body.data).toHaveLength(1);
    expect((await call(app, 'POST', `/v1/gallery/${image.id}/restore/`)).status).toBe(200);
  });

  it('files one image per message: posting it again returns the filed one with 200', async () => {
    const app = appFor(`again-${newId()}`);
    const body = { ...linked('again'), message_id: newId(), session_id: newId(), seed: 7, intent: 'generate' };

    const first = await call(app, 'POST', '/v1/gallery', body);
    const second = await call(app, 'POST', '/v1/gallery', { ...body, prompt: 'changed my mind' });

    expect(first.status).toBe(201);
    expect(second).toEqual({ status: 200, body: first.body });
    expect((await call(app, 'GET', '/v1/gallery')).body.data).toHaveLength(1);
  });
});

describe('gallery routes: paging', () => {
  it('lists every image once, newest first, across pages; other users do not show', async () => {
    const app = appFor(`pager-${newId()}`);
    const other = appFor(`neighbour-${newId()}`);
    const ids: string[] = [];
    for (let n = 0; n < 7; n += 1) {
      ids.push((await create(app, `p${n}`)).id);
      await create(other, `n${n}`);
    }

    const pages = await allPages(app, '/v1/gallery', 3);

    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((image) => image.id)).toEqual([...ids].reverse());
  });

  it('pages the trash by time of deletion, most recent first', async () => {
    const app = appFor(`trash-${newId()}`);
    const images = [];
    for (let n = 0; n < 5; n += 1) images.push(await create(app, `t${n}`));
    const trashed: GalleryImage[] = [];
    for (const image of [images[3]!, images[0]!, images[4]!, images[1]!]) {
      trashed.push((await call(app, 'DELETE', `/v1/gallery/${image.id}`)).body);
    }
    // Deleted in this order; two deletions within one millisecond fall back to id order.
    const expected = trashed
      .sort((a, b) => b.deleted_at!.localeCompare(a.deleted_at!) || b.id.localeCompare(a.id))
      .map((image) => image.id);

    const pages = await allPages(app, '/v1/gallery/deleted', 3);

    expect(pages.map((page) => page.length)).toEqual([3, 1]);
    expect(pages.flat().map((image) => image.id)).toEqual(expected);
    expect((await call(app, 'GET', '/v1/gallery')).body.data.map((i: GalleryImage) => i.id)).toEqual([images[2]!.id]);
  });

  it.each([
    ['/v1/gallery', 'not-a-cursor!'],
    ['/v1/gallery', encodeCursor(['not-a-uuid'])],
    ['/v1/gallery', encodeCursor([newId(), newId()])],
    ['/v1/gallery/deleted', encodeCursor([newId()])],
    ['/v1/gallery/deleted', encodeCursor(['yesterday', newId()])],
    ['/v1/gallery/deleted', encodeCursor([new Date().toISOString(), "'; drop table gallery_images; --"])],
  ])('GET %s with a cursor it did not issue (%s) is a 400', async (url, cursor) => {
    const app = appFor(`cursor-${newId()}`);
    await create(app, 'cursor');

    const reply = await call(app, 'GET', `${url}?cursor=${encodeURIComponent(cursor)}`);

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'query.cursor' }] });
  });

  it.each(['0', '101', 'ten'])('limit=%s is a 400', async (limit) => {
    const reply = await call(appFor('limits'), 'GET', `/v1/gallery?limit=${limit}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('query.limit');
  });
});

describe('gallery routes: one user cannot see or touch another user’s images', () => {
  it('answers 404 for them exactly as for a missing image, and leaves them as they were', async () => {
    const alice = appFor(`alice-${newId()}`);
    const bob = appFor(`bob-${newId()}`);
    const bobsLive = await create(bob, 'bob-live');
    const bobsTrashed = (await call(bob, 'DELETE', `/v1/gallery/${(await create(bob, 'bob-trash')).id}`)).body;
    const missing = newId();

    for (const id of [bobsLive.id, bobsTrashed.id, missing]) {
      for (const [method, url] of [
        ['GET', `/v1/gallery/${id}`],
        ['DELETE', `/v1/gallery/${id}`],
        ['POST', `/v1/gallery/${id}/restore`],
        ['DELETE', `/v1/gallery/${id}/permanent`],
      ] as const) {
        const reply = await call(alice, method, url);
        expect(reply.status, `${method} ${url}`).toBe(404);
        expect(reply.body.error).toMatchObject({ code: 'not_found', message: `image ${id} not found`, details: [] });
      }
    }
    expect((await call(alice, 'GET', '/v1/gallery')).body.data).toEqual([]);
    expect((await call(alice, 'GET', '/v1/gallery/deleted')).body.data).toEqual([]);

    expect((await call(bob, 'GET', '/v1/gallery')).body.data).toEqual([bobsLive]);
    expect((await call(bob, 'GET', '/v1/gallery/deleted')).body.data).toEqual([{ ...bobsTrashed, purge_at: expect.any(String) }]);
  });

  it("keeps two users' records naming the same message apart, and says nothing of the other's", async () => {
    const messageId = newId();
    const bob = appFor(`bob-${newId()}`);
    const alice = appFor(`alice-${newId()}`);
    const bobs = await call(bob, 'POST', '/v1/gallery', { ...linked('m'), message_id: messageId });

    const reply = await call(alice, 'POST', '/v1/gallery', { ...linked('m'), message_id: messageId });

    expect(reply.status).toBe(201);
    expect(reply.body.id).not.toBe(bobs.body.id);
    expect((await call(alice, 'GET', '/v1/gallery')).body.data).toEqual([reply.body]);
    expect((await call(bob, 'GET', '/v1/gallery')).body.data).toEqual([bobs.body]);
  });

  it("cannot take the pipeline's row for a message: the pipeline still files its own image", async () => {
    const userId = `claim-${newId()}`;
    const messageId = newId();
    // A client files an external image for a message whose image is still being made.
    const claimed = await call(appFor(userId), 'POST', '/v1/gallery', { ...linked('early'), message_id: messageId });
    expect(claimed.status).toBe(201);
    // The pipeline files the message's real image: a row of its own, then found again on a repeat.
    const key = `users/${userId}/${newId()}.png`;
    const filed = await saveImage({ ctx, input: { ...linked('real'), userId, messageId, url: null, provider: 'offline', storage: 'disk', storageKey: key } });
    expect(filed.created).toBe(true);
    expect(filed.image.id).not.toBe(claimed.body.id);
    const again = await saveImage({ ctx, input: { ...linked('real'), userId, messageId, url: null, provider: 'offline', storage: 'disk', storageKey: key } });
    expect(again).toMatchObject({ created: false, image: { id: filed.image.id } });
    // And the client's repeat finds its own record, not the pipeline's.
    const repeat = await call(appFor(userId), 'POST', '/v1/gallery', { ...linked('early'), message_id: messageId });
    expect(repeat).toMatchObject({ status: 200, body: { id: claimed.body.id } });
  });
});

describe('gallery routes: validation', () => {
  it.each([
    ['GET', ''],
    ['DELETE', ''],
    ['POST', '/restore'],
    ['DELETE', '/permanent'],
  ])('%s /v1/gallery/{id}%s with an id that is no uuid is a 400 on param.id', async (method, suffix) => {
    const reply = await call(appFor('ids'), method, `/v1/gallery/12345${suffix}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'param.id' }] });
  });

  const valid = linked('valid');
  it.each<[string, unknown, string]>([
    ['no url', { ...valid, url: undefined }, 'body.url'],
    ['an ftp url', { ...valid, url: 'ftp://images.example.com/a.png' }, 'body.url'],
    ['a url that is no url', { ...valid, url: 'images.example.com/a.png' }, 'body.url'],
    ['no prompt', { ...valid, prompt: undefined }, 'body.prompt'],
    ['a blank prompt', { ...valid, prompt: '   ' }, 'body.prompt'],
    ['width 0', { ...valid, width: 0 }, 'body.width'],
    ['height 16385', { ...valid, height: 16_385 }, 'body.height'],
    ['a fractional width', { ...valid, width: 10.5 }, 'body.width'],
    ['an unknown format', { ...valid, format: 'bmp' }, 'body.format'],
    ['a session_id that is no uuid', { ...valid, session_id: 'abc' }, 'body.session_id'],
    ['a message_id that is no uuid', { ...valid, message_id: 42 }, 'body.message_id'],
    ['an unknown intent', { ...valid, intent: 'paint' }, 'body.intent'],
    ['negative bytes', { ...valid, bytes: -1 }, 'body.bytes'],
    ['metadata that is a list', { ...valid, metadata: ['a'] }, 'body.metadata'],
    ['metadata over 8 KiB', { ...valid, metadata: { note: 'x'.repeat(9000) } }, 'body.metadata'],
  ])('POST /v1/gallery with %s is a 400 and stores nothing', async (_, body, fieldPath) => {
    const app = appFor(`invalid-${newId()}`);

    const reply = await call(app, 'POST', '/v1/gallery', body);

    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('validation_failed');
    expect(reply.body.error.details.map((d: { path: string }) => d.path)).toContain(fieldPath);
    expect((await call(app, 'GET', '/v1/gallery')).body.data).toEqual([]);
  });

  it('a body that is not JSON, or not JSON at all, stores nothing', async () => {
    const app = appFor(`notjson-${newId()}`);

    const malformed = await call(app, 'POST', '/v1/gallery', '{"url": ');
    const text = JSON.stringify(valid);
    // A real client sends the length; app.request() would not, and the check needs it.
    const plain = await app.request('/v1/gallery', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(text)), ...credentials.get(app) },
      body: text,
    });

    expect(malformed.body.error.code).toBe('invalid_json');
    expect(plain.status).toBe(415);
    expect((await call(app, 'GET', '/v1/gallery')).body.data).toEqual([]);
  });
});
