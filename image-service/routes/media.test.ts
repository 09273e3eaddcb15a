import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../gateway/app.js';
import { createLogger } from '../../shared/logger.js';
import type { App } from '../../shared/http.js';
import { createDiskStorage } from '../storage/disk.js';
import { registerMedia } from './media.js';

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
    localUserId: 'local',
    corsOrigins: '*',
    bodyLimitBytes: 256 * 1024,
    register: (a) => registerMedia(a, { mediaDir }),
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
  ])('serves %s as %s, cacheable for good', async (pathname, type) => {
    const response = await app.request(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-length')).toBe(String(png.byteLength));
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await app.request(`/media/users/local/${imageId}.png`, { method: 'HEAD' });
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
    '/media/',
  ])('%s is a 404 envelope', async (pathname) => {
    const response = await app.request(pathname);
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
  ])('%s never leaves the media folder', async (template) => {
    const secret = path.join(parent, 'secret.png');
    const pathname = template.replace('{encoded-secret}', encodeURIComponent(secret)).replace('{secret}', secret);
    const response = await app.request(pathname);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('TOP SECRET');
    expect(JSON.parse(text).error.code).toMatch(/^(not_found|route_not_found)$/);
  });

  it('is listed in the OpenAPI document as /media/{key}', () => {
    const document = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(Object.keys(document.paths ?? {})).toContain('/media/{key}');
  });
});
