import type { Detected } from './intent.js';
import type { Language } from './language.js';
import { PhraseSet } from './phrases.js';
import { recognise } from './recognise.js';
import { normalizeWord } from './text.js';
import {
  CHANGE_FILLERS,
  CLITICS,
  COMPARATIVES,
  DEFINITE,
  EDIT_PHRASES,
  INDEFINITE,
  LANGUAGE_REFERENCES,
  PLACES,
  PLACES_DEFINITE,
  type EditKind,
} from './vocabulary/edits.js';
import { STYLES } from './vocabulary/styles.js';

/**
 * Reading a message as a change to an existing image: which words are edit verbs, adjustments,
 * references to the image, and which describe something new. Intent detection asks
 * {@link judgeChange} before it treats a message as a new picture.
 */

const EDIT = PhraseSet.fromGroups<EditKind>(EDIT_PHRASES);
const STYLE = new PhraseSet(STYLES.flatMap((style) => style.words.map((word) => [word, true] as const)));
const PLACE = new PhraseSet(PLACES.map((phrase) => [phrase, true] as const));
const set = (words: readonly string[]) => new Set(words.map(normalizeWord));
const FILLERS = set(CHANGE_FILLERS);
const DEFINITES = set(DEFINITE);
const INDEFINITES = set(INDEFINITE);
const PLACE_DEFINITE = set(PLACES_DEFINITE);
const COMPARATIVE = set(COMPARATIVES);
/** "in watercolor", "as a sketch", "en acuarela", "als Skizze": a style for something that exists. */
const RESTYLE = new Set(['in', 'as', 'en', 'dans', 'im', 'als', 'em', 'como', 'come']);
const NUMBER = /^\d+(?:[.,:x/]\d+)?$/;
/** Words for "of" after a picture noun: "a picture of" asks for one, "is this a photo?" does not. */
const OF = new Set(['of', 'de', 'di', 'von', "d'", 'da', 'do', 'du', 'del', 'della', 'des']);

export type ItemKind = EditKind | 'style' | 'filler' | 'other';

/** Item kinds that are verbs, which a fused pronoun can follow ("hazlo"). */
const VERB_KINDS: ReadonlySet<ItemKind> = new Set(['edit', 'soft', 'transform', 'enhance', 'request']);

export interface Item {
  kind: ItemKind;
  index: number;
  length: number;
  /** Points at an existing image: a reference phrase, or a verb with a fused pronoun ("hazlo"). */
  reference: boolean;
}

/** Read the words as change vocabulary: each word belongs to one item. */
export function readItems(words: readonly string[], language: Language): Item[] {
  const references = new Set(LANGUAGE_REFERENCES[language] ?? []);
  const items: Item[] = [];
  for (let index = 0; index < words.length; ) {
    const word = words[index] ?? '';
    const match = EDIT.matchAt(words, index);
    const style = match ? undefined : STYLE.matchAt(words, index);
    if (style) {
      items.push({ kind: 'style', index, length: style.length, reference: false });
      index += style.length;
      continue;
    }
    if (references.has(word)) {
      items.push({ kind: 'reference', index, length: 1, reference: true });
      index += 1;
      continue;
    }
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
    if (stem !== undefined && VERB_KINDS.has(stem)) return stem;
  }
  return undefined;
}

/** Whether the words change an existing image (and how sure that is), or undefined for a new picture. */
export function judgeChange(
  items: readonly Item[],
  words: readonly string[],
  hasImage: boolean | undefined,
): Detected | undefined {
  const has = (kind: ItemKind) => items.some((item) => item.kind === kind);
  const first = items[0];
  if (!first) return undefined;
  const reference = items.some((item) => item.reference);
  const second = items[1];
  if (first.kind === 'request' && !second?.reference) return undefined;

  const adjusts = has('adjust') || has('transform');
  const edits = has('edit');
  const onlyChange = items.every((item) => item.kind !== 'other' && item.kind !== 'request' && item.kind !== 'medium');
  const verbFirst = VERB_KINDS.has(first.kind) && first.kind !== 'request';
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
    const placed = placeIs(words, INDEFINITES) && (recognise(words).categories.length > 0 || content >= 3);
    const scene = placed || content >= 6;
    if (scene) return { intent: 'generate', confidence: 0.7 };
    return { intent: 'edit', confidence: 0.55 };
  }
  if (first.kind === 'soft' && (adjusts || objectDefinite)) return { intent: 'edit', confidence: 0.8 };
  // "now in watercolor", "as an oil painting": a new style for the last image.
  const restyle = reference || has('marker') || hasImage === true || RESTYLE.has(words[0] ?? '');
  if (has('style') && onlyChange && restyle) return { intent: 'edit', confidence: 0.75 };
  if (first.kind === 'adjust' && has('marker')) return { intent: 'edit', confidence: 0.7 };
  if (adjusts && has('marker') && (hasImage === true || DEFINITES.has(words[0] ?? ''))) {
    return { intent: 'edit', confidence: 0.7 };
  }
  return undefined;
}

/** Whether a place word ("to", "on", "dans") is followed by one of `articles` ("on the cat") or contracted with one ("al"). */
function placeIs(words: readonly string[], articles: ReadonlySet<string>): boolean {
  for (let index = 0; index < words.length; index += 1) {
    if (articles === DEFINITES && PLACE_DEFINITE.has(words[index] ?? '')) return true;
    const place = PLACE.matchAt(words, index);
    if (place && articles.has(words[index + place.length] ?? '')) return true;
  }
  return false;
}
