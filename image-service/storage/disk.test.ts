import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createDiskStorage, makeMissingThumbnail } from './disk.js';

let mediaDir: string;
beforeAll(async () => {
  mediaDir = path.join(await mkdtemp(path.join(tmpdir(), 'atelier-disk-')), 'media');
});
afterAll(async () => {
  await rm(path.dirname(mediaDir), { recursive: true, force: true });
});

describe('disk storage', () => {
  const storage = () => createDiskStorage({ mediaDir });
  const imageId = '019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e';

  it('answers ping by making its folder', async () => {
    await storage().ping();
    expect(await readdir(mediaDir)).toEqual([]);
  });

  it('keeps a file per user and image, with a URL under /media and nothing temporary left', async () => {
    const stored = await storage().put({ imageId, userId: 'eve', data: Buffer.from('one'), format: 'jpeg' });
    // No URL: Atelier serves the file, and builds its URL from the key when it is read.
    expect(stored).toEqual({ key: `users/eve/${imageId}.jpg`, url: null, bytes: 3, thumbnailUrl: null });
    await storage().put({ imageId, userId: 'eve', data: Buffer.from('two!'), format: 'jpeg' });
    expect(await readdir(path.join(mediaDir, 'users', 'eve'))).toEqual([`${imageId}.jpg`]);
    expect((await storage().get(stored)).toString()).toBe('two!');
  });

  it('keeps a user id that is not a plain name inside its own folder', async () => {
    const stored = await storage().put({ imageId, userId: '../../etc', data: Buffer.from('x'), format: 'png' });
    expect(stored.key).toBe(`users/..%2F..%2Fetc/${imageId}.png`);
    expect((await storage().get(stored)).toString()).toBe('x');
  });

  it('removes a file, and removing it again is no error', async () => {
    const stored = await storage().put({ imageId, userId: 'fay', data: Buffer.from('x'), format: 'webp' });
    await storage().remove(stored.key);
    await storage().remove(stored.key);
    await expect(storage().get(stored)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps a 256×256 WebP thumbnail beside a real image, and removes it with the image', async () => {
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#c04020' } }).png().toBuffer();
    const stored = await storage().put({ imageId, userId: 'gus', data: png, format: 'png' });
    expect(stored.bytes).toBe(png.byteLength);
    const folder = path.join(mediaDir, 'users', 'gus');
    expect((await readdir(folder)).sort()).toEqual([`${imageId}.png`, `${imageId}.thumb.webp`]);
    const thumbnail = await readFile(path.join(folder, `${imageId}.thumb.webp`));
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(thumbnail.byteLength).toBeLessThan(png.byteLength);
    await storage().remove(stored.key);
    expect(await readdir(folder)).toEqual([]);
  });

  it('makes a missing thumbnail from its image on request, once, and nothing for a missing image', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 900, channels: 3, background: '#208040' } }).jpeg().toBuffer();
    const stored = await storage().put({ imageId, userId: 'hal', data: jpeg, format: 'jpeg' });
    const thumbnailKey = `users/hal/${imageId}.thumb.webp`;
    await rm(path.join(mediaDir, thumbnailKey)); // as an image stored before thumbnails were made
    const made = await makeMissingThumbnail(mediaDir, thumbnailKey);
    expect(await sharp(made!).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(await readFile(path.join(mediaDir, thumbnailKey))).toEqual(made);
    await storage().remove(stored.key);
    expect(await makeMissingThumbnail(mediaDir, thumbnailKey)).toBeUndefined();
    expect(await makeMissingThumbnail(mediaDir, `users/hal/${imageId}.png`)).toBeUndefined();
  });
});
