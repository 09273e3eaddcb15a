import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../gateway/app.js';
import { createLogger } from '../../shared/logger.js';
import { testCredential } from '../../shared/testing/principal.js';

const credential = testCredential('local');
import type { App } from '../../shared/http.js';
import { createMediaSigner } from '../media-signer.js';
import { createDiskStorage } from '../storage/disk.js';
import { mediaKeyOf, registerMedia } from './media.js';

const signer = createMediaSigner({ key: Buffer.alloc(32, 3), ttlSeconds: 3600 });
/** A URL as the API would hand it out for this path. */
const signed = (pathname: string) => signer.sign(pathname);

let parent: string;
let app: App;
let png: Buffer;
const imageId = '019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e';

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'atelier-media-'));
  const mediaDir = path.join(parent, 'media');
  // Things that must never be served: a secret beside the media folder, a stray file inside it.
  await writeFile(path.join(parent, 'secret.png'), 'TOP SECRET');
  await mkdir(path.join(mediaDir, 'users', 'local'), { recursive: true });
  await writeFile(path.join(mediaDir, 'users', 'local', 'notes.txt'), 'not an image');
  await writeFile(path.join(mediaDir, 'users', 'local', `${imageId}.png.1a2b.tmp`), 'half');

  const storage = createDiskStorage({ mediaDir });
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).png().toBuffer();
  await storage.put({ imageId, userId: 'local', data: png, format: 'png' });
  await storage.put({ imageId, userId: 'a b', data: png, format: 'jpeg' });
  await storage.put({ imageId, userId: 'local', data: png, format: 'webp' });

  app = createApp({
    logger: createLogger({ level: 'silent' }),
    authenticate: credential.authenticate,
    corsOrigins: '*',
    bodyLimitBytes: 256 * 1024,
    register: (a) => registerMedia(a, { mediaDir, signer }),
  });
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('GET /media/*', () => {
  it.each<[string, string]>([
    [`/media/users/local/${imageId}.png`, 'image/png'],
    [`/media/users/local/${imageId}.webp`, 'image/webp'],
    [`/media/users/a%20b/${imageId}.jpg`, 'image/jpeg'],
  ])('serves %s as %s, signed, cacheable privately while the URL lives', async (pathname, type) => {
    const response = await app.request(signed(pathname));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    const maxAge = Number(/^private, max-age=(\d+), immutable$/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    // At most the URL's life: 1.1 × the TTL (expiries are rounded up to a tenth of it).
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3960);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-length')).toBe(String(png.byteLength));
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await app.request(signed(`/media/users/local/${imageId}.png`), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(png.byteLength));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    '/media/users/local/missing.png',
    '/media/users/local/notes.txt',
    `/media/users/local/${imageId}.png.1a2b.tmp`,
    '/media/users/local',
    '/media/users/local/',
  ])('%s, signed, is a 404 envelope', async (pathname) => {
    const response = await app.request(signed(pathname));
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { code: string; request_id: string } };
    expect(error.code).toMatch(/^(not_found|route_not_found)$/);
    expect(error.request_id).toEqual(expect.any(String));
  });

  it.each([
    '/media/../secret.png',
    '/media/%2e%2e/secret.png',
    '/media/%2E%2E/secret.png',
    '/media/users/..%2f..%2f..%2fsecret.png',
    '/media/..%5csecret.png',
    '/media/users/local/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.png',
    // {secret} is the absolute path of the secret file, known once the folder exists
    '/media/{encoded-secret}',
    '/media/{secret}',
    '/media//{secret}',
  ])('%s never leaves the media folder: refused unsigned, not found even when signed', async (template) => {
    const secret = path.join(parent, 'secret.png');
    const pathname = template.replace('{encoded-secret}', encodeURIComponent(secret)).replace('{secret}', secret);
    const unsigned = await app.request(pathname);
    const unsignedText = await unsigned.text();
    expect(unsignedText).not.toContain('TOP SECRET');
    // A path the URL parser does not normalise reaches the route, which refuses it unsigned; one
    // that normalises out of /media/ is not public, so it needs a credential first.
    expect([401, 403, 404]).toContain(unsigned.status);
    // Signed over the key as the server reads it (decoded when sent as one segment), as if we had handed such a URL out.
    const served = new URL(pathname, 'http://x').pathname;
    const key = mediaKeyOf(served);
    const url = signed(key === undefined ? served : `/media/${key}`).replace(/^[^?]*/, served);
    const response = await app.request(url);
    const text = await response.text();
    expect(text).not.toContain('TOP SECRET');
    expect(JSON.parse(text).error.code).toMatch(/^(not_found|route_not_found|unauthenticated)$/);
  });

  describe('the key sent as one encoded segment (openapi-fetch, Swagger UI)', () => {
    /** The URL the API hands out for `key`, with its path as a generated client sends `{key}`. */
    const encoded = (key: string) => signed(`/media/${key}`).replace(/^[^?]*/, `/media/${encodeURIComponent(key)}`);

    it.each([
      [`users/local/${imageId}.png`, 'image/png'],
      // The user id segment is percent-encoded in the key itself: the client encodes the `%` again.
      [`users/a%20b/${imageId}.jpg`, 'image/jpeg'],
    ])('serves %s sent as %%2F-encoded, checking the signature on the decoded key', async (key, type) => {
      const url = encoded(key);
      expect(url).toContain('%2F');
      const response = await app.request(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
      // And the same URL with the slashes plain, as the API links it.
      expect((await app.request(signed(`/media/${key}`))).status).toBe(200);
    });

    it('refuses an encoded key whose path was changed: the signature is over the key', async () => {
      const url = encoded(`users/local/${imageId}.png`).replace('.png', '.webp');
      expect((await app.request(url)).status).toBe(403);
    });

    it.each(['..%2F..%2Fsecret.png', '..%2fsecret.png', 'users%2F..%2F..%2Fsecret.png', '%2E%2E%2Fsecret.png'])(
      '%s is refused unsigned and not found even when its decoded key is signed',
      async (segment) => {
        const unsigned = await app.request(`/media/${segment}`);
        expect(unsigned.status).toBe(403);
        const url = signed(`/media/${decodeURIComponent(segment)}`).replace(/^[^?]*/, `/media/${segment}`);
        const response = await app.request(url);
        const text = await response.text();
        expect(response.status).toBe(404);
        expect(text).not.toContain('TOP SECRET');
      },
    );
  });

  it('is listed in the OpenAPI document as /media/{key}', () => {
    const document = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(Object.keys(document.paths ?? {})).toContain('/media/{key}');
  });
});

describe('GET /media/*: the signature is the credential', () => {
  const pathname = `/media/users/local/${imageId}.png`;
  const refused = async (url: string) => {
    const response = await app.request(url);
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(Buffer.from(text).includes(png)).toBe(false);
    const { error } = JSON.parse(text) as { error: { code: string; message: string; request_id: string } };
    expect(error).toMatchObject({ code: 'forbidden', request_id: expect.any(String) });
    return error.message;
  };
  const parts = (url: string) => {
    const parsed = new URL(url, 'http://x');
    return { path: parsed.pathname, expires: parsed.searchParams.get('expires') ?? '', signature: parsed.searchParams.get('signature') ?? '' };
  };
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  it('refuses an unsigned URL, for a file that exists and one that does not alike', async () => {
    expect(await refused(pathname)).toMatch(/signed/);
    expect(await refused('/media/users/local/missing.png')).toMatch(/signed/);
  });

  it('refuses an expired URL, however genuine its signature', async () => {
    const expired = signer.sign(pathname, Math.floor(Date.now() / 1000) - 1);
    expect(await refused(expired)).toMatch(/expired/);
  });

  it.each([
    ['the path', ({ expires, signature }: ReturnType<typeof parts>) => `/media/users/a%20b/${imageId}.jpg?expires=${expires}&signature=${signature}`],
    ['the expiry (later)', ({ path: p, expires, signature }: ReturnType<typeof parts>) => `${p}?expires=${Number(expires) + 3600}&signature=${signature}`],
    ['the expiry (zero-padded)', ({ path: p, expires, signature }: ReturnType<typeof parts>) => `${p}?expires=0${expires}&signature=${signature}`],
    ['the signature (first character)', ({ path: p, expires, signature }: ReturnType<typeof parts>) => `${p}?expires=${expires}&signature=${flip(signature, 0)}`],
    ['the signature (last character)', ({ path: p, expires, signature }: ReturnType<typeof parts>) => `${p}?expires=${expires}&signature=${flip(signature, 42)}`],
    ['the signature (cut short)', ({ path: p, expires, signature }: ReturnType<typeof parts>) => `${p}?expires=${expires}&signature=${signature.slice(0, 20)}`],
    ['the signature (left out)', ({ path: p, expires }: ReturnType<typeof parts>) => `${p}?expires=${expires}`],
    ['the expiry (left out)', ({ path: p, signature }: ReturnType<typeof parts>) => `${p}?signature=${signature}`],
  ])('refuses a URL whose %s was changed', async (_what, alter) => {
    const url = signed(pathname);
    expect((await app.request(url)).status).toBe(200);
    await refused(alter(parts(url)));
  });

  it('refuses a URL signed with another key', async () => {
    const other = createMediaSigner({ key: Buffer.alloc(32, 4), ttlSeconds: 3600 });
    expect(await refused(other.sign(pathname))).toMatch(/signature/);
  });
});
