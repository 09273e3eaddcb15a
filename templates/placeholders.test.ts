import { describe, expect, it } from 'vitest';
import { fillTemplate, parseTemplate } from './placeholders.js';

describe('parseTemplate', () => {
  it.each([
    ['a {subject} at {time}', ['subject', 'time'], { subject: 'lighthouse', time: 'dusk' }, 'a lighthouse at dusk'],
    ['{a}{a} {b_2}', ['a', 'b_2'], { a: 'x', b_2: 'y' }, 'xx y'],
    ['json: {{"k": {value}}}', ['value'], { value: '1' }, 'json: {"k": 1}'],
    ['no placeholders', [], {}, 'no placeholders'],
    ['{{subject}}', [], {}, '{subject}'],
    ['{{{subject}}}', ['subject'], { subject: 'cat' }, '{cat}'],
    ['', [], {}, ''],
  ])('%j has %j and renders', (text, names, values, rendered) => {
    const parsed = parseTemplate(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.names).toEqual(names);
    expect(fillTemplate(parsed.parts, values)).toBe(rendered);
  });

  it.each([
    ['a {Subject}', '"{" at character 3'],
    ['a {subject', '"{" at character 3'],
    ['a {} b', '"{" at character 3'],
    ['a {two words}', '"{" at character 3'],
    ['{9lives}', '"{" at character 1'],
    ['a } b', 'a lone "}" at character 3'],
  ])('refuses %j', (text, error) => {
    const parsed = parseTemplate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});
