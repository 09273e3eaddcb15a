import type { Analysis } from './analyse.js';
import { PhraseSet } from './phrases.js';
import { collapseSpaces, lowerFirstWord, trimPunctuation, type Token } from './text.js';
import { CHAT_PHRASES } from './vocabulary/chat.js';
import {
  MEDIUM,
  MEDIUM_BEFORE_COLON,
  MODAL,
  POLITE,
  RECIPIENTS,
  REQUEST_VERBS,
  TRAILING,
  VAGUE_SUBJECTS,
} from './vocabulary/filler.js';

type LeadKind = 'polite' | 'modal' | 'verb' | 'recipient' | 'medium' | 'medium-colon';

/** Greetings and thanks may open a request ("hi! draw a cat"); other chat words could be a subject ("great white shark"). */
const OPENERS = [
  ...CHAT_PHRASES.greeting.filter((word) => word !== 'morning'),
  ...CHAT_PHRASES.thanks,
  'ok', 'okay', 'okey', 'alright', 'yes', 'yeah', 'sure',
];

const REQUEST = PhraseSet.fromGroups<LeadKind>({
  polite: [...POLITE, ...OPENERS],
  modal: MODAL,
  verb: REQUEST_VERBS,
  recipient: RECIPIENTS,
  medium: MEDIUM,
  'medium-colon': MEDIUM_BEFORE_COLON,
});
const REPLY_OPENING = PhraseSet.fromGroups({
  polite: [...POLITE, ...OPENERS],
  modal: MODAL,
  reaction: [...CHAT_PHRASES.greeting, ...CHAT_PHRASES.thanks, ...CHAT_PHRASES.ack, ...CHAT_PHRASES.decline],
});
const TRAIL = new PhraseSet(TRAILING.map((phrase) => [phrase, true] as const), { reversed: true });
const VAGUE = new PhraseSet(VAGUE_SUBJECTS.map((phrase) => [phrase, true] as const));

/** Pronouns that, alone, name no subject ("draw this"). */
const POINTERS = new Set([
  'it', 'this', 'that', 'these', 'those', 'one', 'esto', 'eso', 'ca', 'cela', 'das', 'isso', 'isto', 'questo', 'quello',
]);

export interface Subject {
  /** The user's words for what to picture, filler removed, exactly as written otherwise. */
  text: string;
  /** Its normalized words. */
  norms: string[];
  /** "something", "surprise me": a request with no subject of its own. */
  vague: boolean;
}

/** The subject of an image request: "Could you please draw me a cat, thanks!" → "a cat". */
export function extractSubject(analysis: Analysis): Subject {
  const start = requestEnd(analysis);
  const end = trailStart(analysis.norms, start);
  const norms = analysis.norms.slice(start, end);
  if (norms.every((norm) => POINTERS.has(norm))) return { text: '', norms: [], vague: false };
  return { text: assemble(analysis, start, end), norms, vague: VAGUE.isPhrase(norms) };
}

/** An edit or enhancement as the change to make: "Can you please make it bluer? Thanks" → "make it bluer". */
export function extractChange(analysis: Analysis): string {
  const start = skipOpening(analysis.norms);
  const end = trailStart(analysis.norms, start);
  const change = lowerFirstWord(assemble(analysis, start, end));
  return change !== '' ? change : trimPunctuation(collapseSpaces(analysis.text));
}

/**
 * Index of the first word after greetings, praise, politeness and asking phrases ("love it! could
 * you please ..."). Praise opens a change but not a subject: "great white shark" keeps "great".
 */
export function skipOpening(norms: readonly string[]): number {
  let index = 0;
  for (let match = REPLY_OPENING.matchAt(norms, 0); match; match = REPLY_OPENING.matchAt(norms, index)) {
    index += match.length;
  }
  return index;
}

/** Index of the first word after the opening, the request verb and "an image of". */
function requestEnd(analysis: Analysis): number {
  const { norms, words, text } = analysis;
  let index = 0;
  let afterVerb = false;
  while (index < norms.length) {
    const match = REQUEST.matchAt(norms, index);
    if (!match) break;
    const last = words[index + match.length - 1];
    if (match.value === 'recipient' && !afterVerb) break;
    if (match.value === 'medium-colon' && !(last && colonAfter(text, last))) break;
    index += match.length;
    afterVerb = match.value === 'verb';
  }
  return index;
}

/** Index after the last word before the closing filler ("..., for me please, thanks"). */
export function trailStart(norms: readonly string[], start: number): number {
  let end = norms.length;
  while (end > start) {
    const match = TRAIL.matchAt(norms, end - 1);
    if (!match || match.index < start) break;
    end = match.index;
  }
  return end;
}

/** Words `start..end` with the user's own spacing and punctuation between them; web addresses left out. */
function assemble(analysis: Analysis, start: number, end: number): string {
  const { words, tokens, text } = analysis;
  if (start >= end) return '';
  const position = new Map<Token, number>(tokens.map((token, index) => [token, index]));
  let result = '';
  for (let k = start; k < end; k += 1) {
    const word = words[k];
    if (!word) continue;
    if (k > start) {
      const previous = words[k - 1];
      if (previous) {
        const between = tokens.slice((position.get(previous) ?? 0) + 1, position.get(word) ?? 0);
        result += between.some((token) => token.url) ? ' ' : text.slice(previous.end, word.start);
      }
    }
    result += word.text;
  }
  const first = words[start];
  const last = words[end - 1];
  const open = first ? leadingQuote(text, first.start) : '';
  const close = last ? trailingQuote(text, last.end) : '';
  return trimPunctuation(collapseSpaces(open + result + close));
}

const OPENING_MARKS = new Set([...'([{"“«‘\'']);
const CLOSING_MARKS = new Set([...')]}"”»’\'']);

function leadingQuote(text: string, start: number): string {
  let from = start;
  while (from > 0 && OPENING_MARKS.has(text.charAt(from - 1))) from -= 1;
  return text.slice(from, start);
}

function trailingQuote(text: string, end: number): string {
  let to = end;
  while (to < text.length && CLOSING_MARKS.has(text.charAt(to))) to += 1;
  return text.slice(end, to);
}

function colonAfter(text: string, token: Token): boolean {
  if (/[:\-–—]$/u.test(token.text)) return true;
  for (let i = token.end; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === ' ' || char === '\t') continue;
    return char === ':' || char === '-' || char === '–' || char === '—';
  }
  return false;
}
