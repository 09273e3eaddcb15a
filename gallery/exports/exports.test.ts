import { access } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { startTestAtelier, type TestAtelier, type TestUser } from '../../gateway/test-harness.js';
import { loadInstanceSecret } from '../../identity/index.js';
import { createMediaSigner } from '../../image-service/index.js';
import { newId } from '../../shared/ids.js';
import { saveImage } from '../save-image.js';
import type { GalleryExport } from './schemas.js';

/**
 * Exports against the running system (real Redis, Postgres, BullMQ worker, Socket.IO): each
 * format built from three images and read back with an independent reader (yauzl, pdf-lib,
 * sharp), the download URL before and after the export expires, the owner's progress events,
 * and another user who can neither read the export nor hear of it.
 */

let atelier: TestAtelier;
let alice: TestUser;
let bob: TestUser;
let aliceSocket: Socket;
let bobSocket: Socket;
const session = newId();
const herImages: string[] = [];
let herExternal = '';
const heard: { alice: GalleryExport[]; bob: GalleryExport[] } = { alice: [], bob: [] };
const waiting = new Set<() => void>();

const FORMATS = [
  { format: 'png', width: 80, height: 60 },
  { format: 'jpeg', width: 60, height: 90 },
  { format: 'webp', width: 64, height: 64 },
] as const;

/** Store a real image file for `user` and file it in the gallery, as the pipeline does. */
async function seedImage(user: TestUser, index: number, options: { sessionId?: string; isNsfw?: boolean } = {}): Promise<string> {
  const { format, width, height } = FORMATS[index % FORMATS.length] as (typeof FORMATS)[number];
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 40 * index, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();
  const id = newId();
  const stored = await atelier.ctx.storage.put({ imageId: id, userId: user.user.id, data, format });
  await saveImage({
    ctx: atelier.ctx.gallery,
    input: {
      id,
      userId: user.user.id,
      sessionId: options.sessionId ?? null,
      prompt: `picture number ${index}`,
      refinedPrompt: `picture number ${index}, soft light`,
      provider: 'offline',
      model: 'offline-renderer',
      seed: 1000 + index,
      width,
      height,
      format,
      bytes: stored.bytes,
      url: stored.url,
      storage: atelier.ctx.storage.kind,
      storageKey: stored.key,
      isNsfw: options.isNsfw ?? false,
    },
  });
  return id;
}

/** Resolves with the first event (of those heard so far or to come) that `match` accepts. */
function eventOf(who: keyof typeof heard, match: (event: GalleryExport) => boolean): Promise<GalleryExport> {
  return new Promise((resolve) => {
    const check = () => {
      const found = heard[who].find(match);
      if (!found) return;
      waiting.delete(check);
      resolve(found);
    };
    waiting.add(check);
    check();
  });
}

const finished = (id: string) => (event: GalleryExport) => event.id === id && (event.status === 'done' || event.status === 'failed');

/** Ask for an export and wait (for its event) until it is built; answers with its status read back. */
async function exportOf(user: TestUser, body: Record<string, unknown>, who: keyof typeof heard = 'alice'): Promise<GalleryExport> {
  const posted = await user.api('POST', '/v1/gallery/exports/', body);
  expect(posted.status, JSON.stringify(posted.body)).toBe(202);
  expect(posted.headers.get('location')).toBe(`${atelier.ctx.publicUrl}/v1/gallery/exports/${posted.body.id}/`);
  expect(posted.body).toMatchObject({ status: 'queued', download_url: null });
  const last = await eventOf(who, finished(posted.body.id));
  expect(last.status).toBe('done');
  const read = await user.api('GET', `/v1/gallery/exports/${posted.body.id}/`);
  expect(read.status).toBe(200);
  return read.body as GalleryExport;
}

async function download(url: string): Promise<{ status: number; type: string | null; bytes: Buffer; disposition: string | null }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** Every entry of a zip, by name. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  atelier = await startTestAtelier();
  [alice, bob] = await Promise.all([atelier.signUp('alice'), atelier.signUp('bob')]);
  [aliceSocket, bobSocket] = await Promise.all([alice.connect(), bob.connect()]);
  for (const [who, socket] of [['alice', aliceSocket], ['bob', bobSocket]] as const) {
    socket.on('gallery.export.updated', (event: GalleryExport) => {
      heard[who].push(event);
      for (const check of waiting) check();
    });
  }
  for (let index = 0; index < 3; index += 1) herImages.push(await seedImage(alice, index, { sessionId: session }));
  herExternal = (await alice.api('POST', '/v1/gallery/', { url: 'https://images.example/kite.png', prompt: 'a kite', width: 64, height: 64, format: 'png' })).body.id;
});

afterAll(async () => {
  await atelier?.close();
});

describe('an export of three images', () => {
  it('as a zip: the images in their own formats, and metadata.json with what made each', async () => {
    const done = await exportOf(alice, { ids: herImages, format: 'zip' });
    expect(done).toMatchObject({ status: 'done', format: 'zip', progress: { done: 3, total: 3 }, error: null });
    expect(done.download_url).toMatch(/^http:\/\/localhost:\d+\/media\/users\/[^/]+\/exports\/[0-9a-f-]{36}\.zip\?expires=\d+&signature=[\w-]{43}$/);
    const file = await download(done.download_url as string);
    expect(file).toMatchObject({ status: 200, type: 'application/zip' });
    expect(file.disposition).toBe(`attachment; filename="atelier-export-${done.id}.zip"`);
    expect(file.bytes.length).toBe(done.bytes);

    const entries = await unzip(file.bytes);
    expect([...entries.keys()].sort()).toEqual([`1-${herImages[0]}.png`, `2-${herImages[1]}.jpg`, `3-${herImages[2]}.webp`, 'metadata.json']);
    for (const [index, format] of ['png', 'jpeg', 'webp'].entries()) {
      const name = [...entries.keys()].find((entry) => entry.startsWith(`${index + 1}-`)) as string;
      expect((await sharp(entries.get(name)).metadata()).format).toBe(format);
    }
    const metadata = JSON.parse((entries.get('metadata.json') as Buffer).toString('utf8')) as { images: Array<Record<string, unknown>> };
    expect(metadata.images).toHaveLength(3);
    expect(metadata.images[1]).toMatchObject({
      id: herImages[1],
      file: `2-${herImages[1]}.jpg`,
      prompt: 'picture number 1',
      refined_prompt: 'picture number 1, soft light',
      model: 'offline-renderer',
      seed: 1001,
      width: 60,
      height: 90,
      format: 'jpeg',
      created_at: expect.any(String),
    });
  });

  it('as a PDF: three pages, one image each', async () => {
    const done = await exportOf(alice, { ids: herImages, format: 'pdf', quality: 70 });
    const file = await download(done.download_url as string);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
    const pdf = await PDFDocument.load(file.bytes);
    expect(pdf.getPageCount()).toBe(3);
  });

  for (const [format, decoded] of [['png', 'png'], ['jpg', 'jpeg'], ['webp', 'webp']] as const) {
    it(`as ${format} at a size: a zip of the converted images, each ${decoded} with that longest side`, async () => {
      const done = await exportOf(alice, { ids: herImages, format, size: 40, quality: 60 });
      const file = await download(done.download_url as string);
      expect(file.type).toBe('application/zip');
      const entries = await unzip(file.bytes);
      const images = [...entries.keys()].filter((name) => name !== 'metadata.json');
      expect(images).toHaveLength(3);
      for (const name of images) {
        expect(name.endsWith(`.${format}`)).toBe(true);
        const meta = await sharp(entries.get(name)).metadata();
        expect(meta.format).toBe(decoded);
        expect(Math.max(meta.width, meta.height)).toBe(40);
      }
    });
  }

  it('as one image: the file itself', async () => {
    const done = await exportOf(alice, { ids: [herImages[0]], format: 'webp', size: 40 });
    const file = await download(done.download_url as string);
    expect(file.type).toBe('image/webp');
    expect(await sharp(file.bytes).metadata()).toMatchObject({ format: 'webp', width: 40, height: 30 });
    // A size is a bound: an image is never enlarged to it.
    const large = await exportOf(alice, { ids: [herImages[0]], format: 'png', size: 4000 });
    expect(await sharp((await download(large.download_url as string)).bytes).metadata()).toMatchObject({ format: 'png', width: 80, height: 60 });
  });

  it('by filter: the images of a session, newest first', async () => {
    const other = await seedImage(alice, 0);
    const done = await exportOf(alice, { filter: { session_id: session }, format: 'zip' });
    expect(done.progress).toEqual({ done: 3, total: 3 });
    const entries = await unzip((await download(done.download_url as string)).bytes);
    const names = [...entries.keys()].filter((name) => name !== 'metadata.json');
    expect(names.map((name) => name.slice(2, 38))).toEqual([...herImages].reverse());
    expect(names.join()).not.toContain(other);
    const flagged = await seedImage(alice, 1, { isNsfw: true });
    const nsfw = await exportOf(alice, { filter: { is_nsfw: true }, format: 'zip' });
    expect(nsfw.progress.total).toBe(1);
    expect(JSON.stringify((await unzip((await download(nsfw.download_url as string)).bytes)).keys().next().value)).toContain(flagged);
  });
});

describe('what an export refuses', () => {
  const refusals: Array<[string, Record<string, unknown>]> = [
    ['both ids and filter', { ids: [newId()], filter: {}, format: 'zip' }],
    ['neither ids nor filter', { format: 'zip' }],
    ['an empty id list', { ids: [], format: 'zip' }],
    ['an unknown format', { ids: [newId()], format: 'tiff' }],
    ['a size of 0', { ids: [newId()], format: 'png', size: 0 }],
    ['a quality over 100', { ids: [newId()], format: 'jpg', quality: 101 }],
    ['a filter field it does not know', { filter: { colour: 'red' }, format: 'zip' }],
    ['a filter that matches nothing', { filter: { session_id: newId() }, format: 'zip' }],
  ];
  for (const [what, body] of refusals) {
    it(`400 for ${what}`, async () => {
      const reply = await alice.api('POST', '/v1/gallery/exports/', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    });
  }

  it('400 for an image filed by URL (no file of ours to export)', async () => {
    const reply = await alice.api('POST', '/v1/gallery/exports/', { ids: [herImages[0], herExternal], format: 'zip' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('filed by URL');
  });

  it('400 above EXPORT_MAX_IMAGES', async () => {
    const limit = atelier.ctx.exports.maxImages;
    // The operator's cap, lowered for this request only (the route reads it from the same context).
    atelier.ctx.exports.maxImages = 2;
    try {
      for (const body of [{ ids: herImages, format: 'zip' }, { filter: { session_id: session }, format: 'zip' }]) {
        const reply = await alice.api('POST', '/v1/gallery/exports/', body);
        expect(reply.status).toBe(400);
        expect(reply.body.error.message).toContain('at most 2 images');
      }
    } finally {
      atelier.ctx.exports.maxImages = limit;
    }
  });

  it('404 naming no id when any id is not one of the caller\'s images', async () => {
    const bobs = await seedImage(bob, 0);
    for (const ids of [[herImages[0]], [bobs, herImages[1]], [newId()]]) {
      const reply = await bob.api('POST', '/v1/gallery/exports/', { ids, format: 'zip' });
      expect(reply.status).toBe(404);
      for (const id of ids) expect(JSON.stringify(reply.body)).not.toContain(id);
    }
  });
});

describe('the download URL', () => {
  it('works until the export expires; then the file is gone, the status says expired and the URL is refused', async () => {
    const done = await exportOf(alice, { ids: herImages, format: 'zip' });
    const url = new URL(done.download_url as string);
    expect(Number(url.searchParams.get('expires')) * 1000).toBe(Date.parse(done.expires_at as string));
    expect((await download(url.href)).status).toBe(200);
    const file = path.join(atelier.dataDir, 'media', url.pathname.replace(/^\/media\//, ''));
    await access(file);

    // The signature itself runs out at expires_at (a signer with the instance's key and a clock just past it says so) …
    const key = await loadInstanceSecret(atelier.ctx.postgres.db, 'media-url-key');
    const at = (ms: number) => createMediaSigner({ key, ttlSeconds: 60, now: () => ms });
    expect(at(Date.parse(done.expires_at as string) - 1000).verify(url.pathname, url.searchParams)).toMatchObject({ ok: true });
    expect(at(Date.parse(done.expires_at as string)).verify(url.pathname, url.searchParams)).toEqual({ ok: false, reason: 'expired' });
    // … and the gateway refuses one whose time is up.
    const lapsed = createMediaSigner({ key, ttlSeconds: 60 }).sign(url.pathname, Math.floor(Date.now() / 1000) - 1);
    expect((await download(url.origin + lapsed)).status).toBe(403);

    // The removal is a delayed job due at expires_at: run now instead of waiting a day.
    const job = await atelier.ctx.exports.queue.getJob(`${done.id}.expire`);
    expect(await job?.getState()).toBe('delayed');
    await job?.promote();
    const expired = await eventOf('alice', (event) => event.id === done.id && event.status === 'expired');
    expect(expired).toMatchObject({ download_url: null });
    await expect(access(file)).rejects.toThrow();
    expect((await download(url.href)).status).toBe(404);
    expect((await alice.api('GET', `/v1/gallery/exports/${done.id}/`)).body).toMatchObject({ status: 'expired', download_url: null });
  });
});

describe('another user', () => {
  it('cannot read her export nor fetch its file without its signed URL, and hears none of its events', async () => {
    const done = await exportOf(alice, { ids: herImages, format: 'zip' });
    const read = await bob.api('GET', `/v1/gallery/exports/${done.id}/`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('not_found');
    const url = new URL(done.download_url as string);
    expect((await bob.api('GET', url.pathname)).status).toBe(403);
    // His own export's signature on her file's path opens nothing.
    const his = await exportOf(bob, { ids: [await seedImage(bob, 1)], format: 'png' }, 'bob');
    const signature = new URL(his.download_url as string).search;
    expect((await download(url.origin + url.pathname + signature)).status).toBe(403);
    // His export's events reached him; hers never did (his came after hers were sent).
    expect(heard.bob.every((event) => event.id === his.id)).toBe(true);
    expect(heard.bob.length).toBeGreaterThan(0);
  });

  it('the owner heard the progress of each image, in order', async () => {
    const posted = await alice.api('POST', '/v1/gallery/exports/', { ids: herImages, format: 'pdf' });
    await eventOf('alice', finished(posted.body.id));
    const mine = heard.alice.filter((event) => event.id === posted.body.id);
    expect(mine.map((event) => event.status)).toEqual(['running', 'running', 'running', 'running', 'done']);
    expect(mine.map((event) => event.progress.done)).toEqual([0, 1, 2, 3, 3]);
    expect(mine.at(-1)?.download_url).toEqual(expect.any(String));
  });
});
