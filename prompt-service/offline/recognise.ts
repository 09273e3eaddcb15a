import { PhraseSet } from './phrases.js';
import { phraseWords } from './text.js';
import { CATEGORIES, type Category } from './vocabulary/categories.js';
import {
  COMPOSITION_WORDS,
  LIGHTING_WORDS,
  MONOCHROME_WORDS,
  STYLES,
  TEXT_WORDS,
  type Style,
} from './vocabulary/styles.js';

/** What a prompt is about and how it should look, as far as the vocabulary can tell. */
export interface Recognised {
  /** In the order of {@link CATEGORIES}, each once. */
  categories: Category[];
  /** The first style named in the prompt. */
  style: Style | undefined;
  monochrome: boolean;
  /** The prompt already describes its light / framing. */
  hasLighting: boolean;
  hasComposition: boolean;
  /** The user wants words in the picture. */
  wantsText: boolean;
}

/** One trie for all categories: a word in two categories ("café") counts for both. */
const CATEGORY_WORDS = (() => {
  const byPhrase = new Map<string, Category[]>();
  for (const category of CATEGORIES) {
    for (const word of category.words) {
      const key = phraseWords(word).join(' ');
      const list = byPhrase.get(key) ?? [];
      if (!list.includes(category)) list.push(category);
      byPhrase.set(key, list);
    }
  }
  return new PhraseSet([...byPhrase], { plurals: true });
})();

const COMPOUND_HEADS = CATEGORIES.flatMap((category) =>
  (category.compoundHeads ?? []).map((head) => [head, category] as const),
);

const STYLE_WORDS = new PhraseSet(STYLES.flatMap((style) => style.words.map((word) => [word, style] as const)));
const MONOCHROME = new PhraseSet(MONOCHROME_WORDS.map((word) => [word, true] as const));
const LIGHTING = new PhraseSet(LIGHTING_WORDS.map((word) => [word, true] as const), { plurals: true });
const COMPOSITION = new PhraseSet(COMPOSITION_WORDS.map((word) => [word, true] as const));
const TEXT = new PhraseSet(TEXT_WORDS.map((word) => [word, true] as const));

/** Recognise categories, style and what the prompt already specifies, from its normalized words. */
export function recognise(norms: readonly string[]): Recognised {
  const found = new Set<Category>();
  for (const match of CATEGORY_WORDS.scan(norms)) {
    for (const category of match.value) found.add(category);
  }
  for (const norm of norms) {
    for (const [head, category] of COMPOUND_HEADS) {
      // "Bergsee", "Hauskatze": German compounds end with the noun they are.
      if (norm.length > head.length + 2 && norm.endsWith(head)) found.add(category);
    }
  }
  return {
    categories: CATEGORIES.filter((category) => found.has(category)),
    style: STYLE_WORDS.scan(norms)[0]?.value,
    monochrome: MONOCHROME.scan(norms).length > 0,
    hasLighting: LIGHTING.scan(norms).length > 0,
    hasComposition: COMPOSITION.scan(norms).length > 0,
    wantsText: TEXT.scan(norms).length > 0,
  };
}
