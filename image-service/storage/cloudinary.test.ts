import { createHash } from 'node:crypto';
import { inspect } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudinary, stringToSign, type FakeCloudinary } from '../../shared/testing/fakes/cloudinary-server.js';
import type { ImageStorage } from '../ports.js';
import { createCloudinaryStorage } from './cloudinary.js';

// Through the real SDK against a local fake. The SDK is never told about the fake through the
// environment: the storage passes everything per call, so it works from the URL alone.
let fake: FakeCloudinary;
let storage: ImageStorage;
let png: Buffer;

beforeAll(async () => {
  fake = await startFakeCloudinary();
  storage = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 5_000 });
  png = await image('#c0603a');
});
afterAll(async () => {
  await fake?.close();
});

const image = (colour: string, size = 320) =>
  sharp({ create: { width: size, height: size, channels: 3, background: colour } }).png().toBuffer();

let counter = 0;
/** A fresh image id per test, so tests never see each other's assets. */
const nextImageId = () => `019a0c4e-8b1f-7c35-9d2a-${String(++counter).padStart(12, '0')}`;

const storeRequest = (imageId: string, data = png) => ({
  imageId,
  userId: 'eve',
  data,
  format: 'png' as const,
  tags: ['generate', 'offline'],
  context: { session_id: 'sess-1', message_id: 'msg-1' },
});

describe('cloudinary storage: put', () => {
  it('uploads a private (authenticated) asset into the user folder under the image id, signed, with tags and context, and returns signed delivery URLs', async () => {
    const imageId = nextImageId();
    const stored = await storage.put(storeRequest(imageId));

    const upload = await fake.waitForUpload((u) => u.publicId === imageId);
    expect(upload).toMatchObject({
      folder: 'atelier/users/eve',
      type: 'authenticated',
      format: 'png',
      tags: ['generate', 'offline'],
      context: { session_id: 'sess-1', message_id: 'msg-1' },
      overwrite: true,
      invalidate: true,
      signatureValid: true,
      status: 200,
    });
    expect(upload.file.equals(png)).toBe(true);
    // The fake's own check is the one that counts; recompute it here so a fake that accepted
    // anything would fail this test.
    expect(upload.signature).toBe(createHash('sha1').update(stringToSign(upload.fields) + fake.apiSecret).digest('hex'));
    expect(Math.abs(upload.timestamp! - Date.now() / 1000)).toBeLessThan(60);

    const key = `atelier/users/eve/${imageId}`;
    expect(stored.key).toBe(key);
    expect(stored.bytes).toBe(png.length);
    expect(stored.url).toMatch(new RegExp(`^${fake.origin}/${fake.cloudName}/image/authenticated/s--[\\w-]{8}--/v\\d+/${key}\\.png$`));
    expect(stored.thumbnailUrl).toMatch(new RegExp(`^${fake.origin}/${fake.cloudName}/image/authenticated/s--[\\w-]{8}--/c_fill,h_256,w_256/v\\d+/${key}\\.png$`));
    // Cloudinary's URL signature, computed here by its documented rule, so a fake that accepted
    // anything would fail: url-safe base64 of SHA-1(path without the version + secret), 8 characters.
    const sign = (toSign: string) => createHash('sha1').update(toSign + fake.apiSecret).digest('base64').slice(0, 8).replace(/\//g, '_').replace(/\+/g, '-');
    expect(stored.url).toContain(`/s--${sign(`${key}.png`)}--/`);
    expect(stored.thumbnailUrl).toContain(`/s--${sign(`c_fill,h_256,w_256/${key}.png`)}--/`);
    expect(fake.assets.get(key)?.type).toBe('authenticated');
    expect(fake.assets.get(key)?.tags).toEqual(['generate', 'offline']);
  });

  it('gives a thumbnail URL that delivers a 256×256 rendition', async () => {
    const stored = await storage.put(storeRequest(nextImageId()));
    const response = await fetch(stored.thumbnailUrl!);
    expect(response.status).toBe(200);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([256, 256, 'png']);
  });

  it('replaces the asset when the same image id is stored again: one asset, the new bytes, a new version', async () => {
    const imageId = nextImageId();
    const first = await storage.put(storeRequest(imageId));
    const blue = await image('#1a4fd0');
    const second = await storage.put(storeRequest(imageId, blue));

    const keys = [...fake.assets.keys()].filter((key) => key.endsWith(imageId));
    expect(keys).toEqual([first.key]);
    expect(second.key).toBe(first.key);
    expect(second.url).not.toBe(first.url);
    expect((await storage.get(second)).equals(blue)).toBe(true);
  });

  it('keeps an odd user id to one folder segment', async () => {
    const imageId = nextImageId();
    const stored = await storage.put({ ...storeRequest(imageId), userId: '../a b?c' });
    expect(stored.key).toBe(`atelier/users/__a_b_c/${imageId}`);
  });

  it('uses the root folder it is given', async () => {
    const tenant = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 5_000, folder: 'tenant-a' });
    const imageId = nextImageId();
    expect((await tenant.put(storeRequest(imageId))).key).toBe(`tenant-a/users/eve/${imageId}`);
  });

  it('stores a JPEG as jpg, the extension Cloudinary delivers', async () => {
    const jpeg = await sharp(png).jpeg().toBuffer();
    const stored = await storage.put({ ...storeRequest(nextImageId(), jpeg), format: 'jpeg' });
    expect(stored.url).toMatch(/\.jpg$/);
    expect((await storage.get(stored)).equals(jpeg)).toBe(true);
  });
});

describe('cloudinary storage: private images', () => {
  const fetchStatus = async (url: string) => {
    const response = await fetch(url);
    await response.body?.cancel();
    return response.status;
  };

  it('is delivered only through its signed URLs: unsigned, altered or another asset\'s signature is refused', async () => {
    const stored = await storage.put(storeRequest(nextImageId()));
    const other = await storage.put(storeRequest(nextImageId()));
    const url = stored.url!;
    const signature = /\/(s--[\w-]+--)\//.exec(url)![1]!;
    const otherSignature = /\/(s--[\w-]+--)\//.exec(other.url!)![1]!;

    expect(await fetchStatus(url)).toBe(200);
    expect(await fetchStatus(stored.thumbnailUrl!)).toBe(200);
    // Not public: the plain delivery URL, with or without the type, does not serve it.
    expect(await fetchStatus(url.replace(`/${signature}`, ''))).toBe(401);
    expect(await fetchStatus(url.replace(`/authenticated/${signature}`, '/upload'))).toBe(404);
    // Another asset's signature, or the original's on a transformation it did not sign.
    expect(await fetchStatus(url.replace(signature, otherSignature))).toBe(401);
    expect(await fetchStatus(url.replace(`/${signature}/`, `/${signature}/c_fill,h_64,w_64/`))).toBe(401);
    expect(fake.deliveries.filter((d) => d.status === 401).length).toBeGreaterThanOrEqual(3);
  });

  it('removes an authenticated asset with its type, and still removes one stored public before', async () => {
    const stored = await storage.put(storeRequest(nextImageId()));
    await storage.remove(stored.key);
    expect(fake.assets.has(stored.key)).toBe(false);
    expect(fake.destroys.filter((d) => d.publicId === stored.key)).toEqual([expect.objectContaining({ type: 'authenticated', result: 'ok' })]);

    // An image uploaded before images were private: a public `upload` asset.
    const legacyKey = `atelier/users/eve/${nextImageId()}`;
    fake.assets.set(legacyKey, { ...fake.assets.get((await storage.put(storeRequest(nextImageId()))).key)!, publicId: legacyKey, type: 'upload' });
    await storage.remove(legacyKey);
    expect(fake.assets.has(legacyKey)).toBe(false);
    expect(fake.destroys.filter((d) => d.publicId === legacyKey).map((d) => [d.type, d.result])).toEqual([
      ['authenticated', 'not found'],
      ['upload', 'ok'],
    ]);
  });
});

describe('cloudinary storage: an account that signs with SHA-256', () => {
  it('signs as the URL says', async () => {
    const sha256 = await startFakeCloudinary({ signatureAlgorithm: 'sha256' });
    try {
      const url = `${sha256.cloudinaryUrl}&signature_algorithm=sha256`;
      const stored = await (await createCloudinaryStorage({ url, timeoutMs: 5_000 })).put(storeRequest(nextImageId()));
      expect((await sha256.waitForUpload()).signature).toHaveLength(64);
      expect(sha256.assets.has(stored.key)).toBe(true);
      // The same account without the setting signs with SHA-1, which the account refuses.
      await expect((await createCloudinaryStorage({ url: sha256.cloudinaryUrl, timeoutMs: 5_000 })).put(storeRequest(nextImageId()))).rejects.toMatchObject({ kind: 'auth' });
    } finally {
      await sha256.close();
    }
  });
});

describe('cloudinary storage: get and remove', () => {
  it('downloads the stored bytes back', async () => {
    const stored = await storage.put(storeRequest(nextImageId()));
    expect((await storage.get(stored)).equals(png)).toBe(true);
  });

  it('removes the asset, and removing it again is no error', async () => {
    const stored = await storage.put(storeRequest(nextImageId()));
    await storage.remove(stored.key);
    expect(fake.assets.has(stored.key)).toBe(false);
    await storage.remove(stored.key);

    const [gone, again] = fake.destroys.filter((d) => d.publicId === stored.key);
    expect(gone).toMatchObject({ type: 'authenticated', result: 'ok', invalidate: true, signatureValid: true });
    expect(again).toMatchObject({ type: 'authenticated', result: 'not found', signatureValid: true });
    await expect(storage.get(stored)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('classifies a failed download and passes on Retry-After', async () => {
    const stored = await storage.put(storeRequest(nextImageId()));
    fake.failNext({ status: 503 }, { status: 429, headers: { 'retry-after': '7' } }, { status: 403 });
    await expect(storage.get(stored)).rejects.toMatchObject({ kind: 'temporary', retryable: true });
    await expect(storage.get(stored)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 7_000 });
    await expect(storage.get(stored)).rejects.toMatchObject({ kind: 'auth', retryable: false });
  });

  it('fails a destroy Cloudinary refuses as the provider error it is', async () => {
    fake.failNext({ status: 500 });
    await expect(storage.remove('atelier/users/eve/whatever')).rejects.toMatchObject({ code: 'storage_unavailable', retryable: true });
  });
});

describe('cloudinary storage: failures', () => {
  it.each([
    { status: 500, kind: 'temporary', code: 'storage_unavailable', retryable: true },
    { status: 503, kind: 'temporary', code: 'storage_unavailable', retryable: true },
    { status: 429, kind: 'rate_limited', code: 'rate_limited', retryable: true },
    { status: 420, kind: 'rate_limited', code: 'rate_limited', retryable: true },
    { status: 401, kind: 'auth', code: 'provider_auth_failed', retryable: false },
    { status: 403, kind: 'auth', code: 'provider_auth_failed', retryable: false },
    { status: 400, kind: 'invalid_request', code: 'invalid_request', retryable: false },
  ])('an upload answered $status is $kind', async ({ status, ...expected }) => {
    fake.failNext({ status, message: `scripted ${status}` });
    const error = await storage.put(storeRequest(nextImageId())).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', provider: 'cloudinary', ...expected });
    expect((error as Error).message).toContain(String(status));
  });

  it('fails an upload signed with the wrong secret as auth: the fake rejects the signature', async () => {
    const wrong = await createCloudinaryStorage({ url: fake.cloudinaryUrl.replace(`:${fake.apiSecret}@`, ':not-the-secret@'), timeoutMs: 5_000 });
    const imageId = nextImageId();
    await expect(wrong.put(storeRequest(imageId))).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('Invalid Signature') });
    expect(await fake.waitForUpload((u) => u.publicId === imageId)).toMatchObject({ signatureValid: false, status: 401 });
    expect(fake.assets.has(`atelier/users/eve/${imageId}`)).toBe(false);
  });

  it('gives up on an upload that hangs once its timeout passes, as temporary', async () => {
    const quick = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 300 });
    const imageId = nextImageId();
    fake.failNext({ hang: true });
    const started = performance.now();
    const error = await quick.put(storeRequest(imageId)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'temporary', retryable: true, message: expect.stringContaining('timed out') });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await fake.waitForUpload((u) => u.publicId === imageId)).toMatchObject({ status: null });
  });

  it('fails a download that hangs as temporary once its timeout passes', async () => {
    const quick = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 300 });
    const stored = await quick.put(storeRequest(nextImageId()));
    fake.failNext({ hang: true });
    const started = performance.now();
    await expect(quick.get(stored)).rejects.toMatchObject({ kind: 'temporary', message: expect.stringContaining('timed out') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('fails as temporary when nothing listens at the API address', async () => {
    const gone = await startFakeCloudinary();
    await gone.close();
    const unreachable = await createCloudinaryStorage({ url: gone.cloudinaryUrl, timeoutMs: 2_000 });
    await expect(unreachable.put(storeRequest(nextImageId()))).rejects.toMatchObject({ kind: 'temporary', message: expect.stringContaining('ECONNREFUSED') });
    await expect(unreachable.ping()).rejects.toMatchObject({ kind: 'temporary' });
  });
});

describe('cloudinary storage: ping', () => {
  it('answers with good credentials, and trusts a success for a while instead of asking again', async () => {
    const fresh = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 5_000 });
    const before = fake.pings;
    await fresh.ping();
    await fresh.ping();
    expect(fake.pings - before).toBe(1);
  });

  it('asks every time when the cache is off', async () => {
    const fresh = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 5_000, pingCacheMs: 0 });
    const before = fake.pings;
    await fresh.ping();
    await fresh.ping();
    expect(fake.pings - before).toBe(2);
  });

  it('fails clearly with bad credentials, every time', async () => {
    const wrong = await createCloudinaryStorage({ url: fake.cloudinaryUrl.replace(`:${fake.apiSecret}@`, ':not-the-secret@'), timeoutMs: 5_000 });
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(wrong.ping()).rejects.toMatchObject({ code: 'provider_auth_failed', message: 'cloudinary: ping failed (HTTP 401: Invalid credentials)' });
    }
  });

  it('never lets the secret reach the error it throws', async () => {
    const wrong = await createCloudinaryStorage({ url: fake.cloudinaryUrl.replace(`:${fake.apiSecret}@`, ':s3cret-value@'), timeoutMs: 5_000 });
    const error = await wrong.ping().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain('s3cret-value');
  });

  it('fails a ping that hangs as temporary once its timeout passes', async () => {
    const quick = await createCloudinaryStorage({ url: fake.cloudinaryUrl, timeoutMs: 300, pingCacheMs: 0 });
    fake.failNext({ hang: true });
    const started = performance.now();
    await expect(quick.ping()).rejects.toMatchObject({ kind: 'temporary', message: 'cloudinary: ping timed out after 300 ms' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
