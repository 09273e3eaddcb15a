import { describe, expect, it } from 'vitest';
import { GenerateImageBody, ImageOptions } from './schemas.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

describe('ImageOptions', () => {
  it.each<[unknown, string | null]>([
    [{}, null],
    [{ width: 512, height: 768, seed: 0, format: 'webp' }, null],
    [{ aspect_ratio: '16:9', width: 1920 }, null],
    [{ seed: 2 ** 31 - 1 }, null],
    [{ width: 32 }, 'width'],
    [{ height: 4096 }, 'height'],
    [{ width: 'big' }, 'width'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 31 }, 'seed'],
    [{ seed: 1.5 }, 'seed'],
    [{ format: 'gif' }, 'format'],
    [{ aspect_ratio: '16:9', width: 1024, height: 1024 }, 'aspect_ratio'],
    [{ aspect_ratio: 'square' }, 'aspect_ratio'],
    [{ aspectRatio: '16:9' }, ''],
  ])('%j → %s', (value, path) => {
    const result = ImageOptions.safeParse(value);
    expect(result.success).toBe(path === null);
    if (path !== null) expect(issuesOf(result)[0]?.path).toBe(path);
  });

  it('says the allowed range', () => {
    expect(issuesOf(ImageOptions.safeParse({ width: 10 }))[0]?.message).toBe('width must be a whole number from 64 to 2048');
  });
});

describe('GenerateImageBody', () => {
  it('defaults the format to png and trims the prompt', () => {
    expect(GenerateImageBody.parse({ prompt: '  a fox  ' })).toEqual({ prompt: 'a fox', format: 'png' });
  });

  it.each<[unknown, string]>([
    [{}, 'prompt'],
    [{ prompt: '   ' }, 'prompt'],
    [{ prompt: 'x'.repeat(4001) }, 'prompt'],
    [{ prompt: 'a fox', width: 3000 }, 'width'],
    [{ prompt: 'a fox', height: 100, aspect_ratio: '1:2' }, 'aspect_ratio'],
  ])('%j is refused on %s', (value, path) => {
    expect(issuesOf(GenerateImageBody.safeParse(value))[0]?.path).toBe(path);
  });
});
