import { describe, expect, it } from 'vitest';
import { drawCaption, layoutCaption, wrap } from './caption.js';
import { escapeXml } from './svg.js';

describe('wrap', () => {
  it.each<[string, number, number, string[]]>([
    ['a sunset over the ocean', 40, 2, ['a sunset over the ocean']],
    ['a sunset over the ocean', 10, 2, ['a sunset', 'over the…']],
    ['a sunset over the ocean', 10, 3, ['a sunset', 'over the', 'ocean']],
    ['supercalifragilistic', 8, 3, ['supercal', 'ifragili', 'stic']],
    ['one two three four five six', 9, 2, ['one two', 'three…']],
    ['', 10, 2, []],
  ])('%j in lines of %i, at most %i', (text, perLine, maxLines, lines) => {
    const wrapped = wrap(text, perLine, maxLines);
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect([...line].length).toBeLessThanOrEqual(perLine);
  });
});

describe('layoutCaption', () => {
  it.each<[number, number]>([
    [64, 64],
    [512, 512],
    [1024, 576],
    [2048, 2048],
    [64, 2048],
  ])('keeps a long caption inside a %i×%i picture', (width, height) => {
    const layout = layoutCaption('a very long prompt '.repeat(40), width, height);
    expect(layout.lines.length).toBeGreaterThan(0);
    expect(layout.lines.at(-1)).toMatch(/…$/);
    for (const line of layout.lines) expect([...line].length * layout.fontSize * 0.6).toBeLessThanOrEqual(width);
    expect(layout.bandHeight).toBeLessThan(height * 0.6);
  });
});

describe('escapeXml', () => {
  it.each<[string, string]>([
    ['fish & chips <b>"bold"</b> it\'s', 'fish &amp; chips &lt;b&gt;&quot;bold&quot;&lt;/b&gt; it&apos;s'],
    ['bell\u0007 and nul\u0000 gone', 'bell and nul gone'],
    ['lone \ud800 surrogate', 'lone  surrogate'],
    ['emoji 🌅 kept', 'emoji 🌅 kept'],
  ])('%j', (text, escaped) => {
    expect(escapeXml(text)).toBe(escaped);
  });

  it('leaves no markup of the caption in the SVG', () => {
    expect(drawCaption('</text><script>alert(1)</script>', 512, 512)).not.toContain('<script>');
  });
});
