import { ValidationFailed, type ErrorDetail } from '../shared/errors.js';
import { parseTemplate, type Part } from './placeholders.js';

/**
 * A template's text and defaults checked together: the text parses, and every default names a
 * placeholder of the text (a default for no placeholder is a typo the user would never see).
 * @throws ValidationFailed naming `body.text` or `body.defaults.<name>`.
 */
export function checkTemplate(text: string, defaults: Readonly<Record<string, string>>): { parts: Part[]; names: string[] } {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new ValidationFailed(`text: ${parsed.error}`, [{ path: 'body.text', message: parsed.error }]);
  const unknown: ErrorDetail[] = Object.keys(defaults)
    .filter((name) => !parsed.names.includes(name))
    .map((name) => ({ path: `body.defaults.${name}`, message: `the text has no {${name}} placeholder` }));
  if (unknown.length > 0) {
    const names = unknown.map((detail) => (detail.path ?? '').replace('body.', '')).join(', ');
    throw new ValidationFailed(`${names}: not a placeholder of the text`, unknown);
  }
  return parsed;
}
