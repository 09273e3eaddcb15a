import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../gateway/app.js';
import { createLogger } from '../../shared/logger.js';
import { testCredential } from '../../shared/testing/principal.js';

const credential = testCredential('local');
import type { App } from '../../shared/http.js';
import { createOfflineRenderer } from '../offline/renderer.js';
import { Conflict } from '../../shared/errors.js';
import type { Principal } from '../../shared/principal.js';
import type { ImageRouteContext, StoredImage } from '../context.js';
import { createMediaLinks } from '../media-links.js';
import { createMediaSigner } from '../media-signer.js';
import { createDiskStorage } from '../storage/disk.js';
import { registerGenerateImage } from './generate.js';
import { registerMedia } from './media.js';

interface Generated {
  id: string;
  url: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
  seed: number;
}
interface ErrorEnvelope {
  error: { code: string; message: string; request_id: string; details: { path?: string; message: string }[] };
}

const publicUrl = 'http://atelier.test';
let mediaDir: string;
let app: App;
/** What the route filed (the gateway files it in the gallery); `failFiling` makes the next filing throw. */
const filed: { image: StoredImage; prompt: string; principal: Principal }[] = [];
let failFiling = false;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'atelier-generate-'));
  const signer = createMediaSigner({ key: Buffer.alloc(32, 7), ttlSeconds: 3600 });
  const ctx: ImageRouteContext = {
    imageGenerator: createOfflineRenderer(),
    storage: createDiskStorage({ mediaDir }),
    links: createMediaLinks({ publicUrl, signer }),
    fileImage: async (filing) => {
      if (failFiling) {
        failFiling = false;
        throw new Conflict('the gallery refused it');
      }
      filed.push(filing);
    },
  };
  app = createApp({
    logger: createLogger({ level: 'silent' }),
    authenticate: credential.authenticate,
    corsOrigins: '*',
    bodyLimitBytes: 256 * 1024,
    register: (a) => {
      registerGenerateImage(a, ctx);
      registerMedia(a, { mediaDir, signer });
    },
  });
});

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

const post = (body: unknown, pathname = '/v1/image/generate') =>
  app.request(pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...credential.headers }, body: JSON.stringify(body) });

/** The path and query of a URL the API answered, to request from the app. */
const relative = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

const storedFiles = async () => readdir(mediaDir, { recursive: true }).then((entries) => entries.filter((e) => /\.(png|jpg|webp)$/.test(e)));

describe('POST /v1/image/generate', () => {
  it.each(['/v1/image/generate', '/v1/image/generate/'])('makes and stores an image (%s), which the returned URL serves', async (pathname) => {
    const response = await post({ prompt: 'a red fox in a snowy forest', width: 320, aspect_ratio: '4:3', format: 'webp', seed: 12 }, pathname);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Generated;
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: expect.stringMatching(new RegExp(`^http://atelier\\.test/media/users/local/${body.id}\\.webp\\?expires=\\d+&signature=[\\w-]{43}$`)),
      width: 320,
      height: 240,
      format: 'webp',
      bytes: expect.any(Number),
      provider: 'offline',
      model: 'atelier-renderer-1',
      seed: 12,
      is_nsfw: false,
    });
    expect(response.headers.get('location')).toBe(body.url);

    // Filed under the same id, for the caller.
    expect(filed.at(-1)).toMatchObject({ image: { id: body.id, storageKey: `users/local/${body.id}.webp` }, prompt: 'a red fox in a snowy forest', principal: { userId: 'local' } });

    const media = await app.request(relative(body.url));
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await media.arrayBuffer());
    expect(bytes.byteLength).toBe(body.bytes);
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 320, height: 240, format: 'webp' });
  });

  it('defaults to a 1024×1024 PNG with a random seed', async () => {
    const body = (await (await post({ prompt: 'abstract shapes' })).json()) as Generated;
    expect(body).toMatchObject({ width: 1024, height: 1024, format: 'png' });
    expect(Number.isInteger(body.seed)).toBe(true);
  });

  it('makes the same image for the same prompt and seed', async () => {
    const fetchImage = async () => {
      const { url } = (await (await post({ prompt: 'a lighthouse by the sea', width: 200, seed: 5 })).json()) as Generated;
      return Buffer.from(await (await app.request(relative(url))).arrayBuffer());
    };
    expect((await fetchImage()).equals(await fetchImage())).toBe(true);
  });

  it.each<[unknown, string]>([
    [{ prompt: 'a cat', width: 4096 }, 'body.width'],
    [{ prompt: 'a cat', height: 10 }, 'body.height'],
    [{ prompt: 'a cat', width: 2048, aspect_ratio: '1:4' }, 'body.aspect_ratio'],
    [{ prompt: 'a cat', width: 512, height: 512, aspect_ratio: '16:9' }, 'body.aspect_ratio'],
    [{ prompt: 'a cat', seed: 2 ** 31 }, 'body.seed'],
    [{ prompt: 'a cat', format: 'gif' }, 'body.format'],
    [{ prompt: '' }, 'body.prompt'],
    [{ width: 512 }, 'body.prompt'],
  ])('refuses %j with validation_failed on %s and stores nothing', async (body, field) => {
    const before = await storedFiles();
    const response = await post(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorEnvelope;
    expect(error).toMatchObject({ code: 'validation_failed', request_id: expect.any(String) });
    expect(error.details).toContainEqual(expect.objectContaining({ path: field }));
    expect(await storedFiles()).toEqual(before);
  });

  it('removes the stored file again when it cannot be filed, and fails', async () => {
    const before = await storedFiles();
    failFiling = true;
    const response = await post({ prompt: 'a boat', width: 96 });
    expect(response.status).toBe(409);
    expect(await storedFiles()).toEqual(before);
  });

  it('is in the OpenAPI document with its request and response schemas', () => {
    const document = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    expect(document.paths?.['/v1/image/generate']?.post?.responses).toHaveProperty('201');
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['GenerateImageRequest', 'GeneratedImage']));
  });

  it('says the allowed range for a side out of range', async () => {
    const { error } = (await (await post({ prompt: 'a cat', width: 4096 })).json()) as ErrorEnvelope;
    expect(error.details[0]?.message).toMatch(/64 to 2048/);
  });
});
