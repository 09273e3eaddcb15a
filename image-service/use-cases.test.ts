import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUuid } from '../shared/ids.js';
import type { ImageContext } from './context.js';
import { editImage } from './edit-image.js';
import { enhanceImage } from './enhance-image.js';
import { generateImage } from './generate-image.js';
import { loadStoredImage } from './load-stored-image.js';
import { createMediaLinks } from './media-links.js';
import { createMediaSigner } from './media-signer.js';
import { createOfflineRenderer } from './offline/renderer.js';
import { createDiskStorage } from './storage/disk.js';

let mediaDir: string;
let ctx: ImageContext;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'atelier-image-'));
  ctx = { imageGenerator: createOfflineRenderer(), storage: createDiskStorage({ mediaDir }) };
});

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

describe('generateImage', () => {
  it('makes and stores the image, and says where it is', async () => {
    const image = await generateImage({ ctx, input: { userId: 'ana', prompt: 'a sunset over the ocean', aspectRatio: '16:9', seed: 7, format: 'webp' } });
    expect(image).toMatchObject({ width: 1024, height: 576, format: 'webp', seed: 7, provider: 'offline', model: 'atelier-renderer-1', storage: 'disk', thumbnailUrl: null });
    expect(isUuid(image.id)).toBe(true);
    expect(image.storageKey).toBe(`users/ana/${image.id}.webp`);
    // On disk the URL is built (and signed) when it is read, by whoever reads it.
    expect(image.url).toBeNull();
    const links = createMediaLinks({ publicUrl: 'http://atelier.test', signer: createMediaSigner({ key: Buffer.alloc(32, 1), ttlSeconds: 3600 }) });
    expect(links.urlOf(image)).toMatch(new RegExp(`^http://atelier\\.test/media/${image.storageKey}\\?expires=\\d+&signature=[\\w-]{43}$`));
    // Its thumbnail beside it, signed the same way.
    expect(links.thumbnailOf(image)).toMatch(new RegExp(`^http://atelier\\.test/media/users/ana/${image.id}\\.thumb\\.webp\\?expires=\\d+&signature=[\\w-]{43}$`));
    const stored = await loadStoredImage(ctx.storage, image);
    expect(stored.byteLength).toBe(image.bytes);
    expect(await sharp(stored).metadata()).toMatchObject({ width: 1024, height: 576, format: 'webp' });
  });

  it('picks a 31-bit seed when none is given, which makes the same image again', async () => {
    const first = await generateImage({ ctx, input: { userId: 'ana', prompt: 'a forest', width: 128 } });
    expect(Number.isInteger(first.seed) && first.seed >= 0 && first.seed < 2 ** 31).toBe(true);
    const again = await generateImage({ ctx, input: { userId: 'ana', prompt: 'a forest', width: 128, seed: first.seed } });
    const [a, b] = await Promise.all([loadStoredImage(ctx.storage, first), loadStoredImage(ctx.storage, again)]);
    expect(a.equals(b)).toBe(true);
    expect(again.id).not.toBe(first.id);
  });

  it('stores again under the same id by replacing, never duplicating', async () => {
    const imageId = '019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e';
    await generateImage({ ctx, input: { userId: 'retry', prompt: 'a city', width: 96, seed: 1, id: imageId } });
    const second = await generateImage({ ctx, input: { userId: 'retry', prompt: 'a city', width: 96, seed: 2, id: imageId } });
    expect((await readdir(path.join(mediaDir, 'users', 'retry'))).sort()).toEqual([`${imageId}.png`, `${imageId}.thumb.webp`]);
    expect((await loadStoredImage(ctx.storage, second)).byteLength).toBe(second.bytes);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ width: 4096 }, 'width'],
    [{ width: 1024, height: 1024, aspectRatio: '4:3' }, 'aspect_ratio'],
    [{ seed: -5 }, 'seed'],
    [{ prompt: '   ' }, 'prompt'],
  ])('refuses %j on %s and stores nothing', async (options, field) => {
    const userId = `refused-${field}`;
    const error = await generateImage({ ctx, input: { userId, prompt: 'a lake', ...options } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: field })] });
    expect(await readdir(path.join(mediaDir, 'users')).then((users) => users.includes(userId))).toBe(false);
  });
});

describe('editImage and enhanceImage', () => {
  it('stores the edit as a new image in the source format, leaving the source as it was', async () => {
    const source = await generateImage({ ctx, input: { userId: 'ben', prompt: 'a flower garden', width: 300, height: 200, format: 'jpeg', seed: 3 } });
    const before = await loadStoredImage(ctx.storage, source);
    const edited = await editImage({ ctx, input: { userId: 'ben', source: before, instruction: 'rotate it right and make it black and white' } });
    expect(edited).toMatchObject({ width: 200, height: 300, format: 'jpeg', provider: 'offline' });
    expect(edited.id).not.toBe(source.id);
    expect(await sharp(await loadStoredImage(ctx.storage, edited)).metadata()).toMatchObject({ width: 200, height: 300, format: 'jpeg' });
    expect((await loadStoredImage(ctx.storage, source)).equals(before)).toBe(true);
  });

  it('refuses an edit it cannot make, storing nothing', async () => {
    const source = await sharp({ create: { width: 80, height: 80, channels: 3, background: '#888' } }).png().toBuffer();
    const error = await editImage({ ctx, input: { userId: 'cleo', source, instruction: 'add a hat' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request' });
    expect(await readdir(path.join(mediaDir, 'users')).then((users) => users.includes('cleo'))).toBe(false);
  });

  it('enhances to twice the size, keeping the seed it is given', async () => {
    const source = await generateImage({ ctx, input: { userId: 'dan', prompt: 'mountains', width: 200, height: 100, seed: 11 } });
    const enhanced = await enhanceImage({ ctx, input: { userId: 'dan', source: await loadStoredImage(ctx.storage, source), seed: source.seed } });
    expect(enhanced).toMatchObject({ width: 400, height: 200, format: 'png', seed: 11 });
    expect(await sharp(await loadStoredImage(ctx.storage, enhanced)).metadata()).toMatchObject({ width: 400, height: 200 });
  });
});

describe('loadStoredImage', () => {
  it.each(['users/nobody/missing.png', '../outside.png', '/etc/passwd'])('%s is not found', async (key) => {
    await expect(loadStoredImage(ctx.storage, { storageKey: key, url: null })).rejects.toMatchObject({ code: 'not_found' });
  });
});
