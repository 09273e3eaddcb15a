import { describe, expect, it } from 'vitest';
import { createRandom, hashText } from './random.js';

const draws = (prompt: string, seed: number) => {
  const rng = createRandom(prompt, seed);
  return Array.from({ length: 8 }, () => rng.next());
};

describe('createRandom', () => {
  it('gives the same numbers for the same prompt and seed', () => {
    expect(draws('a sunset', 42)).toEqual(draws('a sunset', 42));
  });

  it.each<[string, number, string, number]>([
    ['a sunset', 42, 'a sunset', 43],
    ['a sunset', 42, 'a sunrise', 42],
    ['ab', 1, 'a', 11],
  ])('differs between (%s, %i) and (%s, %i)', (promptA, seedA, promptB, seedB) => {
    expect(draws(promptA, seedA)).not.toEqual(draws(promptB, seedB));
  });

  it('stays in its ranges', () => {
    const rng = createRandom('ranges', 7);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const x = rng.range(-1, 1);
      expect(x >= -1 && x < 1).toBe(true);
    }
  });

  it('hashes text stably (FNV-1a)', () => {
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('a')).toBe(0xe40c292c);
  });
});
