import { analyse } from './analyse.js';
import { extractChange, extractSubject } from './subject.js';
import { capAtWord, collapseSpaces, trimPunctuation } from './text.js';

/** Longest title, in characters (cut at a word): a session list's line, not the prompt. */
export const MAX_TITLE_CHARS = 60;

/** Articles that open a subject and add nothing to a title ("a sunset" → "Sunset"). */
const ARTICLES = new Set([
  'a', 'an', 'the', 'un', 'une', 'uno', 'una', 'el', 'la', 'le', 'les', 'los', 'las', 'lo', 'il', 'der', 'die', 'das',
  'ein', 'eine', 'einen', 'um', 'uma', 'o', 'os', 'as',
]);

/** Words that point at an earlier image rather than name a subject. */
const POINTERS = new Set(['it', 'this', 'that', 'them', 'these', 'those']);

/**
 * A short title for a conversation from its first message, with no model and no network: the
 * subject the offline engine reads in it ("Create a sunset landscape" → "Sunset landscape"),
 * without its leading article, capitalised, at most {@link MAX_TITLE_CHARS}. A message with no
 * subject (a greeting, "make it bluer") is titled by its own words, filler removed.
 */
export function offlineTitle(prompt: string): string {
  const analysis = analyse(prompt);
  const subject = extractSubject(analysis);
  // "make it black and white" names a change to an image, not a subject: titled by the change.
  const pointer = POINTERS.has(subject.norms[0] ?? '');
  let words = subject.text !== '' && !subject.vague && !pointer ? subject.text : extractChange(analysis);
  const first = words.split(/\s+/u)[0] ?? '';
  if (ARTICLES.has(first.toLowerCase()) && words.includes(' ')) words = words.slice(first.length).trimStart();
  const title = capAtWord(trimPunctuation(collapseSpaces(words)), MAX_TITLE_CHARS);
  if (title === '') return 'New conversation';
  return title.charAt(0).toLocaleUpperCase() + title.slice(1);
}
