import { createHash } from 'node:crypto';
import { v2 as cloudinary } from 'cloudinary';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCloudinary, stringToSign, type FakeCloudinary } from '../../shared/testing/fakes/cloudinary-server.js';

// The fake the storage tests trust, checked with hand-built requests and Cloudinary's own
// documented signing example, so its signature check is not merely the SDK agreeing with itself.
let fake: FakeCloudinary;
let png: Buffer;
beforeAll(async () => {
  fake = await startFakeCloudinary({ cloudName: 'demo', apiKey: '1234', apiSecret: 'abcd' });
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toBuffer();
});
afterAll(async () => {
  await fake?.close();
});

// From Cloudinary's "Generating authentication signatures" guide.
const documented = {
  eager: 'w_400,h_300,c_pad|w_260,h_200,c_crop',
  public_id: 'sample_image',
  timestamp: '1315060510',
  signature: 'bfd09f95f331f558cbd1320e67aa8d488770583e',
};

const upload = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([png]), 'file');
  return fetch(`${fake.origin}/v1_1/demo/image/upload`, { method: 'POST', body: form });
};

describe('fake Cloudinary', () => {
  it.each<{ fields: Record<string, string>; toSign: string }>([
    { fields: { timestamp: '1', public_id: 'a', api_key: 'k', file: 'x', resource_type: 'image', signature: 's' }, toSign: 'public_id=a&timestamp=1' },
    { fields: { timestamp: '1', context: 'k=a&b', tags: '' }, toSign: 'context=k=a%26b&timestamp=1' },
    { fields: { 'tags[]': 'a,b', folder: 'f' }, toSign: 'folder=f&tags=a,b' },
  ])('signs $toSign', ({ fields, toSign }) => {
    expect(stringToSign(fields)).toBe(toSign);
  });

  it("accepts Cloudinary's documented signature", async () => {
    const response = await upload({ ...documented, api_key: '1234' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ public_id: 'sample_image', bytes: png.length, format: 'png', width: 8, height: 8 });
    expect(fake.assets.get('sample_image')?.data.equals(png)).toBe(true);
  });

  it.each([
    { what: 'a field changed after signing', fields: { ...documented, public_id: 'other', api_key: '1234' }, message: 'Invalid Signature' },
    { what: 'an unknown key', fields: { ...documented, api_key: '9999' }, message: 'Unknown API key 9999' },
    { what: 'no signature', fields: { public_id: 'x', timestamp: '1', api_key: '1234' }, message: 'Invalid Signature' },
  ])('answers 401 to $what and stores nothing', async ({ fields, message }) => {
    const before = fake.assets.size;
    const response = await upload(fields);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message);
    expect(fake.assets.size).toBe(before);
  });

  it('delivers what it stores, 404s what it does not, and refuses a transformation it does not know', async () => {
    await upload({ ...documented, api_key: '1234' });
    expect((await fetch(`${fake.origin}/demo/image/upload/v1/sample_image.png`)).status).toBe(200);
    const webp = await fetch(`${fake.origin}/demo/image/upload/c_fit,w_4/sample_image.webp`);
    expect((await sharp(Buffer.from(await webp.arrayBuffer())).metadata()).format).toBe('webp');
    expect((await fetch(`${fake.origin}/demo/image/upload/v1/missing.png`)).status).toBe(404);
    expect((await fetch(`${fake.origin}/demo/image/upload/e_sepia/sample_image.png`)).status).toBe(400);
  });

  it('delivers an authenticated asset only through a URL signed as Cloudinary signs it', async () => {
    const fields: Record<string, string> = { public_id: 'private/one', timestamp: '1315060510', type: 'authenticated' };
    const signature = createHash('sha1').update(stringToSign(fields) + 'abcd').digest('hex');
    const uploaded = await upload({ ...fields, signature, api_key: '1234' });
    expect(uploaded.status).toBe(200);
    const body = (await uploaded.json()) as { type: string; secure_url: string; version: number };
    expect(body.type).toBe('authenticated');

    // The rule, by hand: url-safe base64 of SHA-1 over the path after the signature, version left
    // out, plus the secret; its first 8 characters.
    const sign = (toSign: string) => createHash('sha1').update(`${toSign}abcd`).digest('base64').slice(0, 8).replace(/\//g, '_').replace(/\+/g, '-');
    const base = `${fake.origin}/demo/image/authenticated`;
    expect(body.secure_url).toBe(`${base}/s--${sign('private/one.png')}--/v${body.version}/private/one.png`);
    const status = async (url: string) => (await fetch(url)).status;
    expect(await status(body.secure_url)).toBe(200);
    expect(await status(`${base}/s--${sign('c_fill,w_4,h_4/private/one.png')}--/c_fill,w_4,h_4/v1/private/one.png`)).toBe(200);
    // The Node SDK's own signed URL (on the fake's host) agrees with the rule.
    const sdkUrl = cloudinary.url('private/one', { type: 'authenticated', sign_url: true, secure: true, format: 'png', version: body.version, cloud_name: 'demo', api_secret: 'abcd', urlAnalytics: false });
    expect(await status(sdkUrl.replace('https://res.cloudinary.com', fake.origin))).toBe(200);

    expect(await status(`${base}/v1/private/one.png`)).toBe(401);
    expect(await status(`${base}/s--AAAAAAAA--/v1/private/one.png`)).toBe(401);
    expect(await status(`${base}/s--${sign('private/one.png')}--/c_fill,w_4,h_4/v1/private/one.png`)).toBe(401);
    expect(await status(`${fake.origin}/demo/image/upload/v1/private/one.png`)).toBe(404);
  });

  it('destroys an asset only under its own type', async () => {
    const fields: Record<string, string> = { public_id: 'private/two', timestamp: '1315060510', type: 'authenticated' };
    await upload({ ...fields, signature: createHash('sha1').update(stringToSign(fields) + 'abcd').digest('hex'), api_key: '1234' });
    const destroy = async (type: string | undefined) => {
      const signed: Record<string, string> = { public_id: 'private/two', timestamp: '1315060511', ...(type && { type }) };
      const form = new FormData();
      for (const [name, value] of Object.entries({ ...signed, api_key: '1234', signature: createHash('sha1').update(stringToSign(signed) + 'abcd').digest('hex') })) form.append(name, value);
      return ((await (await fetch(`${fake.origin}/v1_1/demo/image/destroy`, { method: 'POST', body: form })).json()) as { result: string }).result;
    };
    expect(await destroy(undefined)).toBe('not found');
    expect(await destroy('authenticated')).toBe('ok');
  });

  it('answers ping only to the right key and secret', async () => {
    const ping = (auth: string) =>
      fetch(`${fake.origin}/v1_1/demo/ping`, { headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } });
    expect((await ping('1234:abcd')).status).toBe(200);
    expect((await ping('1234:nope')).status).toBe(401);
    expect((await ping('9999:abcd')).status).toBe(401);
  });
});
