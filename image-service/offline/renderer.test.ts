import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { GenerateRequest, ImageFormat } from '../ports.js';
import { createOfflineRenderer } from './renderer.js';

const renderer = createOfflineRenderer();

const generate = (prompt: string, options: Partial<GenerateRequest> = {}) =>
  renderer.generate({ prompt, width: 320, height: 200, seed: 1, format: 'png', ...options });

/** Mean red, green and blue over the picture above the caption band. */
async function meanColour(data: Buffer): Promise<{ r: number; g: number; b: number }> {
  const { width = 0, height = 0 } = await sharp(data).metadata();
  const { channels } = await sharp(data).extract({ left: 0, top: 0, width, height: Math.floor(height * 0.75) }).stats();
  const [r, g, b] = channels.map((channel) => channel.mean) as [number, number, number];
  return { r, g, b };
}

const colourOf = async (prompt: string) => meanColour((await generate(prompt)).data);

const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** Mean of (max − min) over the pixels: how colourful a picture is. */
async function colourfulness(data: Buffer): Promise<number> {
  const { data: raw, info } = await sharp(data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let i = 0; i < raw.length; i += info.channels) {
    const [r, g, b] = [raw[i] as number, raw[i + 1] as number, raw[i + 2] as number];
    sum += Math.max(r, g, b) - Math.min(r, g, b);
  }
  return sum / (raw.length / info.channels);
}

async function pixel(data: Buffer, x: number, y: number): Promise<number[]> {
  const raw = await sharp(data).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  return [...raw];
}

describe('offline renderer: generate', () => {
  it('names itself', () => {
    expect(renderer.provider).toBe('offline');
    expect(renderer.model).toBe('atelier-renderer-1');
  });

  it.each<[string, (c: { r: number; g: number; b: number }) => boolean]>([
    ['a sunset over the hills', (c) => c.r > c.b + 40],
    ['ocean at night', (c) => c.b > c.r + 20 && luminance(c) < 90],
    ['a dense forest', (c) => c.g > c.r && c.g > c.b],
    ['desert dunes', (c) => c.r > c.b + 30],
    ['a snowy winter field', (c) => Math.min(c.r, c.g, c.b) > 170],
    ['a roaring fire', (c) => c.r > c.g && c.g > c.b],
    ['a galaxy in deep space', (c) => luminance(c) < 60],
    ['a calm sea at noon', (c) => c.b > c.r + 40],
  ])('paints "%s" in its colours', async (prompt, holds) => {
    const colour = await colourOf(prompt);
    expect(holds(colour), JSON.stringify(colour)).toBe(true);
  });

  it('is warmer for a sunset than for the ocean at night, and greener for a forest', async () => {
    const [sunset, night, forest] = await Promise.all([colourOf('sunset'), colourOf('ocean at night'), colourOf('forest')]);
    expect(sunset.r - sunset.b).toBeGreaterThan(night.r - night.b);
    expect(forest.g - (forest.r + forest.b) / 2).toBeGreaterThan(sunset.g - (sunset.r + sunset.b) / 2);
  });

  it('lets colour words tint the palette', async () => {
    const [red, blue] = await Promise.all([colourOf('a red car'), colourOf('a blue car')]);
    expect(red.r).toBeGreaterThan(blue.r + 40);
    expect(blue.b).toBeGreaterThan(red.b + 40);
    const [plainCity, greenCity] = await Promise.all([colourOf('a city skyline'), colourOf('a green city skyline')]);
    expect(greenCity.g - greenCity.b).toBeGreaterThan(plainCity.g - plainCity.b);
  });

  it('lights a city at night darker than by day', async () => {
    const [night, day] = await Promise.all([colourOf('a city at night'), colourOf('a city in the morning')]);
    expect(luminance(night)).toBeLessThan(luminance(day) - 40);
  });

  it('draws a black and white prompt in grey', async () => {
    const { channels } = await sharp((await generate('a black and white photo of a forest')).data).stats();
    expect(channels.map((c) => Math.round(c.mean))).toEqual(Array(3).fill(Math.round(channels[0]?.mean ?? -1)));
  });

  it.each<[number, number, ImageFormat]>([
    [64, 64, 'png'],
    [2048, 64, 'jpeg'],
    [1024, 576, 'webp'],
    [300, 2048, 'png'],
    [2048, 2048, 'webp'],
  ])('makes exactly %i×%i %s', async (width, height, format) => {
    const image = await generate('mountains by a lake at dawn', { width, height, format });
    const meta = await sharp(image.data).metadata();
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width, height, format });
    expect(image).toMatchObject({ width, height, format, mimeType: `image/${format}`, seed: 1, provider: 'offline' });
  });

  it.each<ImageFormat>(['png', 'jpeg', 'webp'])('gives the same %s bytes for the same prompt and seed', async (format) => {
    const [a, b] = await Promise.all([generate('a city by the sea', { format, seed: 99 }), generate('a city by the sea', { format, seed: 99 })]);
    expect(a.data.equals(b.data)).toBe(true);
  });

  it('gives another picture for another seed or prompt', async () => {
    const [a, b, c] = await Promise.all([
      generate('a flower garden', { seed: 1 }),
      generate('a flower garden', { seed: 2 }),
      generate('a flower garden!', { seed: 1 }),
    ]);
    expect(a.data.equals(b.data)).toBe(false);
    expect(a.data.equals(c.data)).toBe(false);
  });

  it('writes the caption on a band at the bottom and leaves the rest of the picture alone', async () => {
    const size = { width: 400, height: 300 };
    const render = async (caption: string) =>
      sharp((await generate('a forest', { ...size, caption })).data).raw().toBuffer({ resolveWithObject: true });
    const [none, one, other] = await Promise.all([render(''), render('first caption'), render('another caption')]);
    const rowBytes = size.width * none.info.channels;
    const top = (image: typeof none) => image.data.subarray(0, rowBytes * 200);
    const bottom = (image: typeof none) => image.data.subarray(rowBytes * 260);
    expect(top(one).equals(top(none))).toBe(true);
    expect(bottom(one).equals(bottom(none))).toBe(false);
    expect(bottom(one).equals(bottom(other))).toBe(false);
    // white letters on a dark band
    expect(Math.max(...bottom(one))).toBeGreaterThan(200);
  });

  it('defaults the caption to the prompt, and draws any text safely', async () => {
    const prompt = 'fish & chips <b>"bold"</b>\u0000 🌅 ' + 'long '.repeat(300);
    const [implicit, explicit] = await Promise.all([generate(prompt), generate(prompt, { caption: prompt })]);
    expect(implicit.data.equals(explicit.data)).toBe(true);
  });
});

describe('offline renderer: edit', () => {
  let source: Buffer;
  beforeAll(async () => {
    source = (await generate('a flower garden at sunset', { width: 320, height: 200 })).data;
  });
  const edit = (instruction: string, format: ImageFormat = 'png') => renderer.edit({ source, instruction, seed: 5, format });

  it('makes it black and white: every pixel grey', async () => {
    const { data } = await edit('make it black and white');
    const raw = await sharp(data).raw().toBuffer();
    for (let i = 0; i < raw.length; i += 3) {
      expect(raw[i] === raw[i + 1] && raw[i + 1] === raw[i + 2]).toBe(true);
    }
  });

  it('makes it sepia: red over green over blue', async () => {
    const c = await meanColour((await edit('sepia')).data);
    expect(c.r > c.g && c.g > c.b).toBe(true);
  });

  it.each<[string, 1 | -1]>([
    ['make it brighter', 1],
    ['more bright', 1],
    ['make it darker', -1],
    ['less bright', -1],
  ])('"%s" moves the brightness', async (instruction, direction) => {
    const before = luminance(await meanColour(source));
    const after = luminance(await meanColour((await edit(instruction)).data));
    expect(Math.sign(after - before)).toBe(direction);
    expect(Math.abs(after - before)).toBeGreaterThan(8);
  });

  it.each<[string, 1 | -1]>([
    ['warmer', 1],
    ['cooler', -1],
  ])('"%s" moves the colour temperature', async (instruction, direction) => {
    const before = await meanColour(source);
    const after = await meanColour((await edit(instruction)).data);
    expect(Math.sign(after.r - after.b - (before.r - before.b))).toBe(direction);
  });

  it.each<[string, 1 | -1]>([
    ['more saturated', 1],
    ['less saturated', -1],
  ])('"%s" moves the saturation', async (instruction, direction) => {
    const before = await colourfulness(source);
    const after = await colourfulness((await edit(instruction)).data);
    expect(Math.sign(after - before)).toBe(direction);
    expect(Math.abs(after - before)).toBeGreaterThan(5);
  });

  it.each<[string, 1 | -1]>([
    ['blur it', -1],
    ['sharpen it', 1],
  ])('"%s" moves the sharpness', async (instruction, direction) => {
    const before = (await sharp(source).stats()).sharpness;
    const after = (await sharp((await edit(instruction)).data).stats()).sharpness;
    expect(Math.sign(after - before)).toBe(direction);
  });

  it('inverts the colours', async () => {
    const [before, after] = await Promise.all([pixel(source, 10, 10), pixel((await edit('invert the colours')).data, 10, 10)]);
    expect(after).toEqual(before.map((v) => 255 - v));
  });

  it.each<[string, number, number, [number, number]]>([
    ['rotate it 90 degrees to the right', 200, 320, [199, 0]],
    ['rotate left', 200, 320, [0, 319]],
    ['turn it upside down', 320, 200, [319, 199]],
    ['flip it', 320, 200, [319, 0]],
    ['flip vertically', 320, 200, [0, 199]],
  ])('"%s" gives %i×%i with the top-left pixel moved to %j', async (instruction, width, height, [x, y]) => {
    const { data, ...image } = await edit(instruction);
    expect(image).toMatchObject({ width, height });
    expect(await sharp(data).metadata()).toMatchObject({ width, height });
    expect(await pixel(data, x, y)).toEqual(await pixel(source, 0, 0));
  });

  it.each<[string, number, number]>([
    ['crop to 16:9', 320, 180],
    ['make it square', 200, 200],
    ['portrait 4:5', 160, 200],
    ['crop to 21:9', 320, 137],
  ])('"%s" crops the centre to %i×%i', async (instruction, width, height) => {
    const { data } = await edit(instruction);
    expect(await sharp(data).metadata()).toMatchObject({ width, height });
  });

  it('applies several operations in the order written', async () => {
    const rotateThenCrop = await edit('rotate it right and crop to 16:9');
    const cropThenRotate = await edit('crop to 16:9 and rotate it right');
    expect([rotateThenCrop.width, rotateThenCrop.height]).toEqual([200, 113]);
    expect([cropThenRotate.width, cropThenRotate.height]).toEqual([180, 320]);
  });

  it('keeps the size for colour edits and writes the asked format', async () => {
    const image = await edit('brighter and warmer', 'jpeg');
    expect(await sharp(image.data).metadata()).toMatchObject({ width: 320, height: 200, format: 'jpeg' });
    expect(image).toMatchObject({ format: 'jpeg', mimeType: 'image/jpeg', seed: 5, provider: 'offline' });
  });

  it('refuses an instruction it cannot follow, saying what it can do', async () => {
    const error = await edit('add a dragon').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect((error as AppError).message).toMatch(/black and white.*crop/);
  });

  it('refuses a source that is not an image', async () => {
    const error = await renderer.edit({ source: Buffer.from('not an image'), instruction: 'brighter', seed: 1, format: 'png' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request' });
  });
});

describe('offline renderer: enhance', () => {
  const blank = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();

  it('doubles the size in the asked format, and is sharper than a plain upscale', async () => {
    const source = (await generate('a city skyline', { width: 320, height: 200 })).data;
    const image = await renderer.enhance({ source, format: 'webp' });
    expect(await sharp(image.data).metadata()).toMatchObject({ width: 640, height: 400, format: 'webp' });
    expect(image).toMatchObject({ width: 640, height: 400, format: 'webp', mimeType: 'image/webp' });
    const plain = await sharp(source).resize(640, 400, { kernel: 'lanczos3' }).png().toBuffer();
    const enhancedPng = await sharp(image.data).png().toBuffer();
    expect((await sharp(enhancedPng).stats()).sharpness).toBeGreaterThan((await sharp(plain).stats()).sharpness);
  });

  it.each<[number, number, number, number]>([
    [2048, 1024, 4096, 2048],
    [3000, 1000, 4096, 1365],
    [5000, 5000, 4096, 4096],
  ])('caps %i×%i at a longest side of 4096: %i×%i', async (width, height, outWidth, outHeight) => {
    const image = await renderer.enhance({ source: await blank(width, height), format: 'jpeg' });
    expect(await sharp(image.data, { limitInputPixels: false }).metadata()).toMatchObject({ width: outWidth, height: outHeight });
  });
});
