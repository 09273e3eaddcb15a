/**
 * Text handling for the offline engine. Everything here is a single left-to-right pass or a trie
 * walk, never a backtracking regular expression over user text, so a 20,000-character prompt
 * costs what its length says.
 */

export interface Token {
  /** The characters as the user wrote them. */
  text: string;
  /** Offsets into the text the token was cut from. */
  start: number;
  end: number;
  /**
   * Lower case, accents removed, `ß` as `ss`, punctuation trimmed from both ends: the form the
   * vocabulary is matched on. Empty for a token that is only punctuation.
   */
  norm: string;
  /** A web address: dropped from prompts (the offline engine cannot fetch it). */
  url: boolean;
}

/** Runs of characters that are neither space nor sentence punctuation; `'-:.&/` may sit inside a word. */
const TOKEN = /[^\s,;!?¡¿()[\]{}"“”«»„…]+/gu;
/** French and Italian elisions ("d'un", "l'image", "un'immagine") are split so "d'" and "un" match alone. */
const ELISION = /^(qu|dell|dall|nell|sull|all|un|[cdjlmnst])['’](?=\p{L})/iu;
const ELISION_ALONE = /^(?:qu|dell|dall|nell|sull|all|un|[cdjlmnst])'$/;
const URL_START = /^(?:https?:\/\/|www\.)/i;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

/** Cut text into tokens with their offsets; see {@link Token}. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const elision = ELISION.exec(raw);
    if (elision) {
      const prefix = raw.slice(0, elision[0].length);
      tokens.push({ text: prefix, start, end: start + prefix.length, norm: `${fold(elision[1] ?? '')}'`, url: false });
      const rest = raw.slice(prefix.length);
      tokens.push(makeToken(rest, start + prefix.length));
      continue;
    }
    tokens.push(makeToken(raw, start));
  }
  return tokens;
}

function makeToken(raw: string, start: number): Token {
  const url = URL_START.test(raw);
  return { text: raw, start, end: start + raw.length, norm: url ? '' : normalizeWord(raw), url };
}

/** Lower case without accents; `ß` becomes `ss` and curly apostrophes straight ones. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/ß/g, 'ss').normalize('NFD').replace(MARKS, '');
}

/** One word as the vocabulary spells it: folded, punctuation trimmed from both ends ("l'" keeps its apostrophe). */
export function normalizeWord(raw: string): string {
  const folded = fold(raw);
  return ELISION_ALONE.test(folded) ? folded : trimEnds(folded, (char) => !WORD_CHAR.test(char));
}

/** The normalized words of a vocabulary phrase ("s'il vous plaît" → `s'`, `il`, `vous`, `plait`). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase)
    .map((token) => token.norm)
    .filter((norm) => norm !== '');
}

/** Drop characters matching `strip` from both ends, by code point (never half a surrogate pair). */
export function trimEnds(text: string, strip: (char: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end) {
    const char = String.fromCodePoint(text.codePointAt(start) ?? 0);
    if (!strip(char)) break;
    start += char.length;
  }
  while (end > start) {
    const low = text.charCodeAt(end - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start ? 2 : 1;
    if (!strip(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(start, end);
}

const EDGE_PUNCTUATION = new Set([...' \t\n\r,.;:!?¡¿…-–—_*~|/\\']);

/** Trim spaces and sentence punctuation from both ends; quotes and brackets stay. */
export function trimPunctuation(text: string): string {
  return trimEnds(text, (char) => EDGE_PUNCTUATION.has(char) || /\s/u.test(char));
}

/** Collapse every run of whitespace (newlines included) into one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Shorten text to at most `max` characters, cutting at the last space when that keeps at least
 * half of it (else mid-word, never inside a surrogate pair), without a trailing comma or space.
 */
export function capAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(' ', max);
  if (cut < max / 2) {
    cut = max;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  }
  return trimEnds(text.slice(0, cut), (char) => /[\s,;:]/u.test(char));
}

/** Lower-case the first letter when the text starts with an ordinary capitalised word ("Make it" → "make it"). */
export function lowerFirstWord(text: string): string {
  return /^\p{Lu}\p{Ll}+(?:\P{L}|$)/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** FNV-1a: a small, stable hash for deterministic choices. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
