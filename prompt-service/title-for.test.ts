import { describe, expect, it } from 'vitest';
import { MAX_TITLE_CHARS } from './offline/title.js';
import { titleFor } from './title-for.js';

describe('titleFor', () => {
  it.each([
    ['Create a sunset landscape', 'Sunset landscape'],
    ['Could you please draw me a cat in the rain, thanks!', 'Cat in the rain'],
    ['a forest at dawn', 'Forest at dawn'],
    ['dessine-moi un chat', 'Chat'],
    ['make it black and white', 'Make it black and white'],
    ['hello!', 'Hello'],
    ['   ', 'New conversation'],
  ])('%j → %j', (prompt, title) => {
    expect(titleFor(prompt)).toBe(title);
  });

  it('is the same every time, and short', () => {
    const long = `paint ${'a very long and winding river through the mountains '.repeat(5)}`;
    expect(titleFor(long)).toBe(titleFor(long));
    expect(titleFor(long).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  });
});
