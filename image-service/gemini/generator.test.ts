import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, type ProviderFailureKind } from '../../shared/errors.js';
import {
  imageResponse,
  startFakeGemini,
  type FakeGemini,
  type GeminiPart,
  type RecordedRequest,
} from '../../shared/testing/fakes/gemini-server.js';
import type { ImageFormat, ImageGenerator } from '../ports.js';
import { createGeminiImageGenerator } from './generator.js';
import { expectProviderFailure } from '../../shared/testing/provider-errors.js';

const MODEL = 'gemini-2.5-flash-image';

let fake: FakeGemini;
let generator: ImageGenerator;

beforeEach(async () => {
  fake = await startFakeGemini();
  generator = createGeminiImageGenerator({ apiKey: 'test-key', baseUrl: fake.url, model: MODEL, timeoutMs: 5000 });
});

afterEach(async () => {
  await fake.close();
});

const failure = (promise: Promise<unknown>, kind: ProviderFailureKind) => expectProviderFailure(promise, 'gemini', kind);

function picture(width: number, height: number, format: ImageFormat): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}

function parts(request: RecordedRequest): GeminiPart[] {
  return request.body.contents?.at(-1)?.parts ?? [];
}

const text = (request: RecordedRequest) => parts(request).map((part) => part.text ?? '').join('\n');

describe('generate', () => {
  it('asks for an image at the aspect ratio with the seed, and returns the requested size and format', async () => {
    const image = await generator.generate({
      prompt: 'a lighthouse at dusk',
      negativePrompt: 'blurry, watermark',
      width: 1024,
      height: 576,
      aspectRatio: '16:9',
      seed: 42,
      format: 'jpeg',
    });

    const request = fake.requests[0]!;
    expect(request.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(request.apiKey).toBe('test-key');
    expect(request.body.generationConfig?.responseModalities).toContain('IMAGE');
    expect(request.body.generationConfig?.imageConfig?.aspectRatio).toBe('16:9');
    expect(request.body.generationConfig?.seed).toBe(42);
    expect(text(request)).toContain('a lighthouse at dusk');
    expect(text(request)).toMatch(/avoid: blurry, watermark/i);

    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width: 1024, height: 576, format: 'jpeg' });
    expect(image).toMatchObject({
      width: 1024,
      height: 576,
      format: 'jpeg',
      mimeType: 'image/jpeg',
      seed: 42,
      provider: 'gemini',
      model: MODEL,
      usage: { inputTokens: 20, outputTokens: 1290, images: 1 },
    });
  });

  it.each([
    [800, 600, 'png', '4:3'],
    [600, 800, 'webp', '3:4'],
    [512, 512, 'png', '1:1'],
    [300, 1000, 'webp', '9:16'],
  ] as const)('%i×%i %s: the nearest supported ratio is %s and the size is exact', async (width, height, format, ratio) => {
    const image = await generator.generate({ prompt: 'a fox', width, height, seed: 1, format });
    expect(fake.requests[0]?.body.generationConfig?.imageConfig?.aspectRatio).toBe(ratio);
    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width, height, format });
  });

  it('sends no "avoid" when there is no negative prompt', async () => {
    await generator.generate({ prompt: 'a fox', width: 256, height: 256, seed: 1, format: 'png' });
    expect(text(fake.requests[0]!)).not.toMatch(/avoid/i);
  });

  it('converts whatever format the model returns', async () => {
    fake.script(MODEL, { ok: imageResponse(await picture(300, 300, 'jpeg'), 'image/jpeg') });
    const image = await generator.generate({ prompt: 'a fox', width: 200, height: 100, seed: 1, format: 'webp' });
    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width: 200, height: 100, format: 'webp' });
  });
});

describe('edit', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('sends a %s source inline with its mime type and keeps its size', async (sourceFormat) => {
    const source = await picture(200, 120, sourceFormat);
    const image = await generator.edit({ source, instruction: 'make it black and white', seed: 7, format: 'png' });

    const request = fake.requests[0]!;
    const inline = parts(request).find((part) => part.inlineData)?.inlineData;
    expect(inline).toEqual({ mimeType: `image/${sourceFormat}`, data: source.toString('base64') });
    expect(text(request)).toContain('make it black and white');
    expect(request.body.generationConfig?.responseModalities).toContain('IMAGE');
    expect(request.body.generationConfig?.imageConfig?.aspectRatio).toBe('16:9'); // 5:3 is nearest to 16:9
    expect(request.body.generationConfig?.seed).toBe(7);

    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width: 200, height: 120, format: 'png' });
    expect(image).toMatchObject({ width: 200, height: 120, seed: 7, provider: 'gemini', usage: { images: 1 } });
  });

  it('sends a source in a format of no use to Atelier as PNG', async () => {
    const source = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#00ff00' } }).gif().toBuffer();
    await generator.edit({ source, instruction: 'add a hat', seed: 1, format: 'png' });
    const inline = parts(fake.requests[0]!).find((part) => part.inlineData)?.inlineData;
    expect(inline?.mimeType).toBe('image/png');
    expect((await sharp(Buffer.from(inline?.data ?? '', 'base64')).metadata()).format).toBe('png');
  });

  it('refuses a source that is not an image before calling Gemini', async () => {
    const error = await generator.edit({ source: Buffer.from('not an image'), instruction: 'x', seed: 1, format: 'png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_request');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('enhance', () => {
  it('sends the source inline, asks for a sharper higher-resolution version, and returns 2× the source', async () => {
    const source = await picture(300, 200, 'png');
    const image = await generator.enhance({ source, format: 'jpeg' });

    const request = fake.requests[0]!;
    expect(parts(request).find((part) => part.inlineData)?.inlineData).toEqual({ mimeType: 'image/png', data: source.toString('base64') });
    expect(text(request)).toMatch(/sharper/);
    expect(text(request)).toMatch(/higher-resolution/);
    expect(request.body.generationConfig?.imageConfig?.aspectRatio).toBe('3:2');

    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width: 600, height: 400, format: 'jpeg' });
    expect(image).toMatchObject({ width: 600, height: 400, format: 'jpeg', mimeType: 'image/jpeg', provider: 'gemini' });
  });

  it('caps the longest side at 4096', async () => {
    const image = await generator.enhance({ source: await picture(3000, 1000, 'webp'), format: 'webp' });
    expect({ width: image.width, height: image.height }).toEqual({ width: 4096, height: 1365 });
    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 4096, height: 1365 });
  });

  it('passes a direction on', async () => {
    await generator.enhance({ source: await picture(64, 64, 'png'), instruction: 'bring out the texture of the fur', format: 'png' });
    expect(text(fake.requests[0]!)).toContain('bring out the texture of the fur');
  });
});

describe('failures', () => {
  const generate = () => generator.generate({ prompt: 'a fox', width: 256, height: 256, seed: 1, format: 'png' });

  it('a reply with no image is invalid_response and quotes what the model said', async () => {
    fake.script(MODEL, { noImage: true, text: 'I would rather describe it: a fox, red, in snow.' });
    const error = await failure(generate(), 'invalid_response');
    expect(error.message).toContain('I would rather describe it');
  });

  it('an image part that is not an image is invalid_response', async () => {
    fake.script(MODEL, { ok: imageResponse(Buffer.from('garbage')) });
    await failure(generate(), 'invalid_response');
  });

  it('a body that is not JSON is invalid_response', async () => {
    fake.script(MODEL, { malformed: true });
    await failure(generate(), 'invalid_response');
  });

  it.each(['candidate', 'prompt'] as const)('a refusal at the %s is safety_blocked', async (where) => {
    fake.script(MODEL, { safety: where });
    const error = await failure(generate(), 'safety_blocked');
    expect(error.message).toMatch(/SAFETY/);
  });

  it.each([
    [500, 'temporary'],
    [401, 'auth'],
    [400, 'invalid_request'],
  ] as const)('HTTP %i is %s', async (status, kind) => {
    fake.script(MODEL, { status });
    await failure(generate(), kind);
  });

  it('429 is rate_limited with the wait from Retry-After', async () => {
    fake.script(MODEL, { status: 429, headers: { 'Retry-After': '1' } });
    expect((await failure(generate(), 'rate_limited')).retryAfterMs).toBe(1000);
  });

  it('no answer within the timeout is temporary', async () => {
    const quick = createGeminiImageGenerator({ apiKey: 'k', baseUrl: fake.url, model: MODEL, timeoutMs: 300 });
    fake.script(MODEL, { hang: true });
    const started = Date.now();
    await failure(quick.edit({ source: await picture(64, 64, 'png'), instruction: 'warmer', seed: 1, format: 'png' }), 'temporary');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
