import { describe, expect, it } from 'vitest';
import { GEMINI_ASPECT_RATIOS, nearestAspectRatio, requestedAspectRatio } from './aspect.js';

describe('nearestAspectRatio', () => {
  it.each([
    [1024, 1024, '1:1'],
    [1024, 576, '16:9'],
    [1920, 1080, '16:9'],
    [576, 1024, '9:16'],
    [800, 600, '4:3'],
    [600, 800, '3:4'],
    [1200, 800, '3:2'],
    [800, 1000, '4:5'],
    [1000, 800, '5:4'],
    [2048, 878, '21:9'],
    [2048, 64, '21:9'], // wider than anything supported: the widest
    [64, 2048, '9:16'], // taller than anything supported: the tallest
    [1000, 980, '1:1'],
  ])('%i×%i → %s', (width, height, expected) => {
    expect(nearestAspectRatio(width, height)).toBe(expected);
  });

  it('gives every supported ratio back as itself', () => {
    for (const ratio of GEMINI_ASPECT_RATIOS) {
      const [w, h] = ratio.split(':').map(Number) as [number, number];
      expect(nearestAspectRatio(w * 100, h * 100)).toBe(ratio);
    }
  });
});

describe('requestedAspectRatio', () => {
  it.each([
    [{ width: 1024, height: 576, aspectRatio: '16:9' }, '16:9'],
    [{ width: 1000, height: 563, aspectRatio: '16:9' }, '16:9'],
    [{ width: 1024, height: 512, aspectRatio: '2:1' }, '16:9'],
    [{ width: 1024, height: 1024 }, '1:1'],
    [{ width: 768, height: 1024 }, '3:4'],
    [{ width: 768, height: 1024, aspectRatio: 'wide' }, '3:4'], // unreadable: the size decides
  ])('%j → %s', (request, expected) => {
    expect(requestedAspectRatio(request)).toBe(expected);
  });
});
