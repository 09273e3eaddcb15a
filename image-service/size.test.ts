import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../shared/errors.js';
import { parseAspectRatio, resolveSize, type Size, type SizeOptions } from './size.js';

describe('resolveSize', () => {
  it.each<[SizeOptions, Size]>([
    [{}, { width: 1024, height: 1024 }],
    [{ width: 512 }, { width: 512, height: 512 }],
    [{ height: 300 }, { width: 300, height: 300 }],
    [{ width: 800, height: 600 }, { width: 800, height: 600 }],
    [{ aspectRatio: '16:9' }, { width: 1024, height: 576 }],
    [{ aspectRatio: '9:16' }, { width: 576, height: 1024 }],
    [{ aspectRatio: '3:2' }, { width: 1024, height: 683 }],
    [{ aspectRatio: '1:1' }, { width: 1024, height: 1024 }],
    [{ aspectRatio: ' 4 : 5 ' }, { width: 819, height: 1024 }],
    [{ width: 1920, aspectRatio: '16:9' }, { width: 1920, height: 1080 }],
    [{ height: 1080, aspectRatio: '16:9' }, { width: 1920, height: 1080 }],
    [{ width: 1920, height: 1080, aspectRatio: '16:9' }, { width: 1920, height: 1080 }],
    [{ width: 1000, height: 563, aspectRatio: '16:9' }, { width: 1000, height: 563 }],
    [{ width: 64, height: 2048 }, { width: 64, height: 2048 }],
  ])('%j → %j', (options, size) => {
    expect(resolveSize(options)).toEqual(size);
  });

  it.each<[SizeOptions, string, RegExp]>([
    [{ width: 63 }, 'width', /from 64 to 2048/],
    [{ width: 2049 }, 'width', /from 64 to 2048/],
    [{ height: 0 }, 'height', /from 64 to 2048/],
    [{ height: 512.5 }, 'height', /whole number/],
    [{ width: 5000, height: 10 }, 'width', /from 64 to 2048/],
    [{ aspectRatio: '16x9' }, 'aspect_ratio', /"W:H"/],
    [{ aspectRatio: '0:1' }, 'aspect_ratio', /"W:H"/],
    [{ aspectRatio: '-16:9' }, 'aspect_ratio', /"W:H"/],
    [{ aspectRatio: 'wide' }, 'aspect_ratio', /such as "16:9"/],
    [{ width: 1024, height: 1024, aspectRatio: '16:9' }, 'aspect_ratio', /does not match width 1024 and height 1024/],
    [{ width: 2048, aspectRatio: '1:4' }, 'aspect_ratio', /gives 2048×8192; each side must be from 64 to 2048/],
    [{ height: 100, aspectRatio: '1:2' }, 'aspect_ratio', /gives 50×100/],
    [{ aspectRatio: '20:1' }, 'aspect_ratio', /from 64 to 2048/],
  ])('%j is refused on %s', (options, path, message) => {
    let thrown: unknown;
    try {
      resolveSize(options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationFailed);
    const { details } = thrown as ValidationFailed;
    expect(details[0]?.path).toBe(path);
    expect(details[0]?.message).toMatch(message);
  });

  it('names every bad field at once', () => {
    expect(() => resolveSize({ width: 1, height: 9999, aspectRatio: 'x' })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'width' }), expect.objectContaining({ path: 'height' }), expect.objectContaining({ path: 'aspect_ratio' })] }),
    );
  });
});

describe('parseAspectRatio', () => {
  it.each<[string, { width: number; height: number } | undefined]>([
    ['16:9', { width: 16, height: 9 }],
    ['21:9', { width: 21, height: 9 }],
    ['1:1', { width: 1, height: 1 }],
    ['16/9', undefined],
    ['16:', undefined],
    ['1.5:1', undefined],
    ['10000:1', undefined],
  ])('%s → %j', (value, ratio) => {
    expect(parseAspectRatio(value)).toEqual(ratio);
  });
});
