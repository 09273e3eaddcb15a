import { createRequire } from 'node:module';
import { INNOCENT_PHRASES, VOCABULARY, type LanguageUse } from './vocabulary.js';

/**
 * The offline check: the terms of the `naughty-words` lists that vocabulary.ts keeps, found in a
 * text. Everything runs in this process from the installed package: no network, no model.
 *
 * Matching, to keep false positives down:
 * - text and terms are NFKC-normalised and lower-cased (full-width "ｓｅｘ" is "sex");
 * - in scripts with spaces a term matches whole words only, so "Scunthorpe", "cocktail" and
 *   "assessment" are not hits; a phrase matches across any run of spaces, "-" or "_";
 * - Korean terms match at the start of a word (particles attach at the end: 섹스를);
 * - Chinese, Japanese and Thai have no spaces: their terms match anywhere (which is why
 *   vocabulary.ts leaves out those that are also part of ordinary words);
 * - a few phrases in which a term is innocent ("cum laude", "blue tit") are taken out first.
 * Every language's terms are looked for in every text: a prompt's language is not known.
 */

export type TermTier = 'explicit' | 'suggestive';

export interface TermMatch {
  /** The list's term, normalised (lower case, one space between words). */
  term: string;
  tier: TermTier;
  /** The lists it comes from. */
  languages: string[];
}

interface TermInfo {
  tier: TermTier;
  languages: string[];
}

/** The terms found in `text`, each once, in the order they first appear. */
export function findTerms(text: string): TermMatch[] {
  const { terms, patterns, innocent } = wordList();
  const normalised = normalise(text).replace(innocent, (phrase) => ' '.repeat(phrase.length));
  const found = new Map<string, TermMatch>();
  const hits: { index: number; term: string }[] = [];
  for (const pattern of patterns) {
    for (const match of normalised.matchAll(pattern)) hits.push({ index: match.index, term: key(match[1] ?? match[0]) });
  }
  for (const { term } of hits.sort((a, b) => a.index - b.index)) {
    const info = terms.get(term);
    if (info && !found.has(term)) found.set(term, { term, ...info });
  }
  return [...found.values()];
}

/** How many terms of each tier the check uses (for docs and tests). */
export function vocabularySize(): Record<TermTier, number> {
  const size: Record<TermTier, number> = { explicit: 0, suggestive: 0 };
  for (const info of wordList().terms.values()) size[info.tier]++;
  return size;
}

/** The package's lists, by language code. */
export function loadLists(): Record<string, string[]> {
  const lists: unknown = createRequire(import.meta.url)('naughty-words');
  if (typeof lists !== 'object' || lists === null) throw new Error('naughty-words: unexpected export');
  return Object.fromEntries(
    Object.entries(lists).filter((entry): entry is [string, string[]] => Array.isArray(entry[1])),
  );
}

/** NFKC, lower case, curly apostrophes straight: the form both terms and texts are compared in. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** A term or a matched text as a map key: separators in a phrase become one space. */
function key(text: string): string {
  return normalise(text).replace(/[\s\-_]+/g, ' ').trim();
}

interface WordList {
  terms: Map<string, TermInfo>;
  patterns: RegExp[];
  innocent: RegExp;
}

let built: WordList | undefined;

/** Built on first use and kept: about a thousand terms, compiled into a few regular expressions. */
function wordList(): WordList {
  if (built) return built;
  const lists = loadLists();
  const terms = new Map<string, TermInfo>();
  for (const [language, use] of Object.entries(VOCABULARY)) {
    for (const [term, tier] of selected(lists[language] ?? [], use)) {
      const seen = terms.get(term);
      if (!seen) terms.set(term, { tier, languages: [language] });
      else {
        // A term in several lists takes the stricter tier.
        if (tier === 'explicit') seen.tier = 'explicit';
        seen.languages.push(language);
      }
    }
  }
  const byKind: Record<'word' | 'prefix' | 'substring', string[]> = { word: [], prefix: [], substring: [] };
  for (const term of terms.keys()) byKind[kindOf(term)].push(term);
  const alternation = (list: string[]) =>
    list
      .sort((a, b) => b.length - a.length) // the longest phrase wins where several start at one place
      .map((term) => term.split(' ').map(escape).join('[\\s\\-_]+'))
      .join('|');
  const patterns: RegExp[] = [];
  const edge = '[\\p{L}\\p{N}\\p{M}]';
  if (byKind.word.length) patterns.push(new RegExp(`(?<!${edge})(${alternation(byKind.word)})(?!${edge})`, 'gu'));
  if (byKind.prefix.length) patterns.push(new RegExp(`(?<!${edge})(${alternation(byKind.prefix)})`, 'gu'));
  if (byKind.substring.length) patterns.push(new RegExp(`(${alternation(byKind.substring)})`, 'gu'));
  const innocent = new RegExp(`(?<!${edge})(?:${alternation(INNOCENT_PHRASES.map(key))})(?!${edge})`, 'gu');
  built = { terms, patterns, innocent };
  return built;
}

/** A language's terms as vocabulary.ts says to use them, with their tier. */
function selected(list: string[], use: LanguageUse): Map<string, TermTier> {
  const suggestive = new Set(use.suggestive.map(key));
  const chosen = new Map<string, TermTier>();
  if (use.use === 'list') {
    const except = new Set(use.except.map(key));
    for (const term of list.map(key)) {
      if (term !== '' && !except.has(term)) chosen.set(term, suggestive.has(term) ? 'suggestive' : 'explicit');
    }
  } else {
    const inList = new Set(list.map(key));
    // Only what the list has: a term the package dropped is dropped here too.
    for (const term of use.explicit.map(key)) if (inList.has(term)) chosen.set(term, 'explicit');
    for (const term of suggestive) if (inList.has(term)) chosen.set(term, 'suggestive');
  }
  return chosen;
}

function kindOf(term: string): 'word' | 'prefix' | 'substring' {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(term)) return 'substring';
  if (/\p{Script=Hangul}/u.test(term)) return 'prefix';
  return 'word';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
