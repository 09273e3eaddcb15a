import type { HistoryTurn } from '../engine.js';
import type { Analysis } from './analyse.js';
import { judgeChange, readItems } from './change.js';
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
import { GENERIC_MEDIA, REPEAT } from './vocabulary/edits.js';

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
const REPEATS = new PhraseSet(REPEAT.map((phrase) => [phrase, true] as const));
const QUESTIONS = new PhraseSet(QUESTION_WORDS.map((phrase) => [phrase, true] as const));
const SUGGESTING = new PhraseSet(SUGGESTIONS.map((phrase) => [phrase, true] as const));
const set = (words: readonly string[]) => new Set(words.map(normalizeWord));
const SECOND = set(SECOND_PERSON);
const MEDIA = set(GENERIC_MEDIA);

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

  const items = readItems(rest, analysis.language);
  const question = isQuestion(analysis, opening);
  if (question && asksAboutMedia(norms) && !items.some((item) => item.reference)) return chat('capabilities', 0.75);
  const hasImage = previousImage(context);
  const change = judgeChange(items, rest, hasImage);
  if (change) return withContext(change, hasImage);

  // The closing words count here: "what would X look like?" asks for a picture.
  const asking = readItems(norms.slice(opening), analysis.language).some(
    (item) => item.kind === 'request' || item.kind === 'medium',
  );
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
  return norms
    .slice(0, restStart + 3)
    .some((norm, index) => QUESTIONS.matchAt(norms, index) !== undefined || SECOND.has(norm));
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

