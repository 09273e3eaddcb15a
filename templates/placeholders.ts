/**
 * A template's text: literal text and `{name}` placeholders, names `[a-z_][a-z0-9_]*`. A literal
 * brace is written twice (`{{` → `{`, `}}` → `}`), as in Python's `str.format`; any other brace
 * makes the text invalid, so a typo (`{Subject}`, `{subject`) is refused when the template is
 * saved instead of reaching an image model as text.
 */

export const PLACEHOLDER_NAME = /^[a-z_][a-z0-9_]*$/;

export type Part = { literal: string } | { placeholder: string };

export type Parsed = { ok: true; parts: Part[]; names: string[] } | { ok: false; error: string };

/** The text's parts, and its placeholder names in order of first use; or what is wrong with it. */
export function parseTemplate(text: string): Parsed {
  const parts: Part[] = [];
  const names: string[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      literal += char;
      index += 2;
      continue;
    }
    if (char === '}') return { ok: false, error: `a lone "}" at character ${index + 1}: write "}}" for a literal brace` };
    if (char !== '{') {
      literal += char;
      index += 1;
      continue;
    }
    const close = text.indexOf('}', index + 1);
    const name = close === -1 ? '' : text.slice(index + 1, close);
    if (!PLACEHOLDER_NAME.test(name)) {
      return {
        ok: false,
        error: `"{" at character ${index + 1} opens no placeholder: names are lowercase letters, digits and "_" ({subject}); write "{{" for a literal brace`,
      };
    }
    if (literal !== '') parts.push({ literal });
    literal = '';
    parts.push({ placeholder: name });
    if (!names.includes(name)) names.push(name);
    index = close + 1;
  }
  if (literal !== '') parts.push({ literal });
  return { ok: true, parts, names };
}

/** The text with each placeholder replaced by its value (the caller checked every one has one). */
export function fillTemplate(parts: readonly Part[], values: Readonly<Record<string, string>>): string {
  return parts.map((part) => ('literal' in part ? part.literal : (values[part.placeholder] ?? ''))).join('');
}
