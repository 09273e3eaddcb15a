import type { HistoryTurn } from '../engine.js';
import type { Analysis } from './analyse.js';
import { PhraseSet } from './phrases.js';
import { recognise } from './recognise.js';
import { skipOpening, trailStart } from './subject.js';
import { normalizeWord } from './text.js';
import {
  CHAT_FILLERS,
  CHAT_KINDS,
  CHAT_PHRASES,
  QUESTION_WORDS,
  SECOND_PERSON,
  SUGGESTIONS,
  type ChatKind,
} from './vocabulary/chat.js';
import {
  CHANGE_FILLERS,
  CLITICS,
  COMPARATIVES,
  DEFINITE,
  EDIT_PHRASES,
  GENERIC_MEDIA,
  INDEFINITE,
  PLACES,
  PLACES_DEFINITE,
  REPEAT,
  type EditKind,
} from './vocabulary/edits.js';

/** Why a message is conversation: the kind of answer it gets. */
export type ChatReason = ChatKind | 'question' | 'unclear' | 'link' | 'empty-request' | 'repeat-nothing';

export type Detected =
  | { intent: 'chat'; confidence: number; reason: ChatReason }
  /** `repeatOf`: the earlier refined prompt to make again ("another one"). */
  | { intent: 'generate'; confidence: number; repeatOf?: string }
  | { intent: 'edit' | 'enhance'; confidence: number };

export interface IntentContext {
  /** Undefined when the caller did not say (then history decides, if given). */
  hasPreviousImage: boolean | undefined;
  history: readonly HistoryTurn[];
}

const CHAT = PhraseSet.fromGroups<ChatKind | 'filler'>({ filler: CHAT_FILLERS, ...CHAT_PHRASES });
const EDIT = PhraseSet.fromGroups<EditKind>(EDIT_PHRASES);
const REPEATS = new PhraseSet(REPEAT.map((phrase) => [phrase, true] as const));
const QUESTIONS = new PhraseSet(QUESTION_WORDS.map((phrase) => [phrase, true] as const));
const SUGGESTING = new PhraseSet(SUGGESTIONS.map((phrase) => [phrase, true] as const));
const PLACE = new PhraseSet(PLACES.map((phrase) => [phrase, true] as const));
const set = (words: readonly string[]) => new Set(words.map(normalizeWord));
const SECOND = set(SECOND_PERSON);
const FILLERS = set(CHANGE_FILLERS);
const DEFINITES = set(DEFINITE);
const INDEFINITES = set(INDEFINITE);
const PLACE_DEFINITE = set(PLACES_DEFINITE);
const MEDIA = set(GENERIC_MEDIA);
const COMPARATIVE = set(COMPARATIVES);
const NUMBER = /^\d+(?:[.,:x/]\d+)?$/;
/** Words for "of" after a picture noun: "a picture of" asks for one, "is this a photo?" does not. */
const OF = new Set(['of', 'de', 'di', 'von', "d'", 'da', 'do', 'du', 'del', 'della', 'des']);

/** Scores for how sure each path is; edits without an image to work on lose some. */
const SURE = 0.95;
const NO_IMAGE_PENALTY = 0.1;
const IMAGE_BONUS = 0.05;

/**
 * What the user wants, from the words and the session. In order: nothing to read, plain
 * conversation, "another one", a change to the last image, a question, else a new picture.
 */
export function detectIntent(analysis: Analysis, context: IntentContext): Detected {
  const { norms } = analysis;
  if (norms.length === 0) return chat(analysis.hadUrl ? 'link' : 'unclear', 0.9);
  const kind = chatKind(norms);
  if (kind) return chat(kind, SURE);

  const opening = skipOpening(norms);
  const rest = norms.slice(opening, trailStart(norms, opening));
  if (rest.length === 0) return chat('empty-request', 0.7);
  if (REPEATS.isPhrase(rest)) {
    const previous = lastPrompt(context.history);
    return previous ? { intent: 'generate', confidence: 0.8, repeatOf: previous } : chat('repeat-nothing', 0.7);
  }

  const items = readItems(rest);
  const question = isQuestion(analysis, opening);
  if (question && asksAboutMedia(norms) && !items.some((item) => item.reference)) return chat('capabilities', 0.75);
  const hasImage = previousImage(context);
  const change = judgeChange(items, rest, hasImage);
  if (change) return withContext(change, hasImage);

  // The closing words count here: "what would X look like?" asks for a picture.
  const asking = readItems(norms.slice(opening)).some((item) => item.kind === 'request' || item.kind === 'medium');
  if (question && !asking) {
    return chat(norms.some((norm) => SECOND.has(norm)) ? 'capabilities' : 'question', 0.7);
  }
  return { intent: 'generate', confidence: generateConfidence(norms, asking) };
}

/** Whether an earlier image exists: as the caller said, else as the history shows, else unknown. */
export function previousImage(context: IntentContext): boolean | undefined {
  if (context.hasPreviousImage !== undefined) return context.hasPreviousImage;
  return context.history.length > 0 ? context.history.some((turn) => turn.hasImage) : undefined;
}

function chat(reason: ChatReason, confidence: number): Detected {
  return { intent: 'chat', confidence, reason };
}

/** The message is only chat phrases (and the small words around them): the strongest kind wins. */
function chatKind(norms: readonly string[]): ChatKind | undefined {
  const kinds = new Set<ChatKind>();
  let covered = 0;
  for (const match of CHAT.scan(norms)) {
    if (match.index !== covered) return undefined;
    covered += match.length;
    if (match.value !== 'filler') kinds.add(match.value);
  }
  if (covered !== norms.length || kinds.size === 0) return undefined;
  return CHAT_KINDS.find((kind) => kinds.has(kind));
}

type ItemKind = EditKind | 'filler' | 'other';

interface Item {
  kind: ItemKind;
  index: number;
  length: number;
  /** Points at an existing image: a reference phrase, or a verb with a fused pronoun ("hazlo"). */
  reference: boolean;
}

/** Read the words as change vocabulary: each word belongs to one item. */
function readItems(words: readonly string[]): Item[] {
  const items: Item[] = [];
  for (let index = 0; index < words.length; ) {
    const word = words[index] ?? '';
    const match = EDIT.matchAt(words, index);
    if (match) {
      // "a picture of" asks for a picture; "is this a photo?" does not.
      const kind = match.value === 'medium' && !OF.has(words[index + match.length] ?? '') ? 'other' : match.value;
      items.push({ kind, index, length: match.length, reference: match.value === 'reference' });
      index += match.length;
      continue;
    }
    const fused = fusedVerb(word);
    if (fused) {
      items.push({ kind: fused, index, length: 1, reference: true });
    } else if (COMPARATIVE.has(word) && index + 1 < words.length) {
      // "more blue", "más azul", "plus rouge": a comparative makes any word an adjustment.
      items.push({ kind: 'adjust', index, length: 2, reference: false });
      index += 2;
      continue;
    } else {
      const filler = FILLERS.has(word) || NUMBER.test(word);
      items.push({ kind: filler ? 'filler' : 'other', index, length: 1, reference: false });
    }
    index += 1;
  }
  return items;
}

/** "hazlo" → haz + lo, "cámbiala" → cambia + la, "rendilo" → rendi + lo: a verb that points at the image. */
function fusedVerb(word: string): ItemKind | undefined {
  for (const clitic of CLITICS) {
    if (!word.endsWith(clitic) || word.length < clitic.length + 3) continue;
    const stem = EDIT.matchAt([word.slice(0, -clitic.length)], 0)?.value;
    if (stem === 'edit' || stem === 'soft' || stem === 'transform' || stem === 'enhance' || stem === 'request') return stem;
  }
  return undefined;
}

/** Whether the words change an existing image (and how sure that is), or undefined for a new picture. */
function judgeChange(items: readonly Item[], words: readonly string[], hasImage: boolean | undefined): Detected | undefined {
  const has = (kind: ItemKind) => items.some((item) => item.kind === kind);
  const first = items[0];
  if (!first) return undefined;
  const reference = items.some((item) => item.reference);
  const second = items[1];
  if (first.kind === 'request' && !second?.reference) return undefined;

  const adjusts = has('adjust') || has('transform');
  const edits = has('edit');
  const onlyChange = items.every((item) => item.kind !== 'other' && item.kind !== 'request' && item.kind !== 'medium');
  const verbFirst = first.kind === 'edit' || first.kind === 'transform' || first.kind === 'soft' || first.kind === 'enhance';
  const pointedFirst = verbFirst || first.reference || first.kind === 'adjust';

  if ((has('enhance') || has('enhance-weak')) && !adjusts && !edits) {
    if (has('enhance') && (first.kind === 'enhance' || reference || onlyChange)) {
      return { intent: 'enhance', confidence: reference || onlyChange ? 0.9 : 0.8 };
    }
    if (onlyChange || (reference && pointedFirst)) return { intent: 'enhance', confidence: 0.7 };
  }

  const changes = adjusts || edits || has('soft');
  if (reference && changes && (pointedFirst || onlyChange)) return { intent: 'edit', confidence: 0.9 };
  if (onlyChange && (adjusts || edits)) return { intent: 'edit', confidence: 0.85 };

  const objectDefinite = second !== undefined && second.kind === 'filler' && DEFINITES.has(words[second.index] ?? '');
  if (first.kind === 'edit' || first.kind === 'transform') {
    if (objectDefinite || placeIs(words, DEFINITES)) return { intent: 'edit', confidence: 0.8 };
    if (has('marker')) return { intent: 'edit', confidence: 0.75 };
    if (hasImage === true) return { intent: 'edit', confidence: 0.65 };
    // "add a castle to a mountain landscape", and nothing to add it to: a new scene.
    const content = items.filter((item) => item.kind === 'other').length;
    const scene = (placeIs(words, INDEFINITES) && (recognise(words).categories.length > 0 || content >= 3)) || content >= 6;
    if (scene) return { intent: 'generate', confidence: 0.7 };
    return { intent: 'edit', confidence: 0.55 };
  }
  if (first.kind === 'soft' && (adjusts || objectDefinite)) return { intent: 'edit', confidence: 0.8 };
  if (first.kind === 'adjust' && has('marker')) return { intent: 'edit', confidence: 0.7 };
  if (adjusts && has('marker') && (hasImage === true || DEFINITES.has(words[0] ?? ''))) return { intent: 'edit', confidence: 0.7 };
  return undefined;
}

/** Whether a place word ("to", "on", "dans") is followed by one of `articles` ("on the cat"), or is contracted with one ("al"). */
function placeIs(words: readonly string[], articles: ReadonlySet<string>): boolean {
  for (let index = 0; index < words.length; index += 1) {
    if (articles === DEFINITES && PLACE_DEFINITE.has(words[index] ?? '')) return true;
    const place = PLACE.matchAt(words, index);
    if (place && articles.has(words[index + place.length] ?? '')) return true;
  }
  return false;
}

function withContext(detected: Detected, hasImage: boolean | undefined): Detected {
  if (detected.intent !== 'edit' && detected.intent !== 'enhance') return detected;
  const shift = hasImage === true ? IMAGE_BONUS : hasImage === false ? -NO_IMAGE_PENALTY : 0;
  return { ...detected, confidence: round(Math.min(0.98, Math.max(0.3, detected.confidence + shift))) };
}

/**
 * Opens with a question word, at the start or after the greeting (but not a suggestion like
 * "how about"), or ends with "?" and has a question word or a "you" near its start.
 */
function isQuestion(analysis: Analysis, restStart: number): boolean {
  const { norms } = analysis;
  for (const at of new Set([0, restStart])) {
    if (SUGGESTING.matchAt(norms, at)) return false;
    if (QUESTIONS.matchAt(norms, at)) return true;
  }
  if (!analysis.question) return false;
  return norms.slice(0, restStart + 3).some((norm, index) => QUESTIONS.matchAt(norms, index) !== undefined || SECOND.has(norm));
}

/** "can you make videos?" is about the assistant. */
function asksAboutMedia(norms: readonly string[]): boolean {
  return norms.some((norm) => MEDIA.has(norm)) && norms.some((norm) => SECOND.has(norm));
}

function generateConfidence(norms: readonly string[], asking: boolean): number {
  const recognised = recognise(norms);
  let confidence = 0.6;
  if (asking) confidence += 0.15;
  if (recognised.categories.length > 0) confidence += 0.15;
  if (recognised.style) confidence += 0.05;
  if (norms.length === 1 && recognised.categories.length === 0) confidence -= 0.1;
  return round(Math.min(SURE, confidence));
}

function lastPrompt(history: readonly HistoryTurn[]): string | undefined {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const turn = history[index];
    if (turn?.intent === 'generate' && turn.refinedPrompt) return turn.refinedPrompt;
  }
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

