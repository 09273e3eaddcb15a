import { EMOJI_WORDS } from './vocabulary/emoji.js';

/** Emoji and their joiners, selectors and skin tones; flags (regional indicators) ride along. */
const EMOJI_RUN = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]+/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const DECORATION = /[\p{Emoji_Modifier}\ufe0f\u20e3]/gu;

const WORDS = new Map(Object.entries(EMOJI_WORDS).map(([emoji, word]) => [emoji.replace(DECORATION, ''), word]));

export interface EmojiReading {
  /** The text with each known emoji replaced by its words and every other emoji removed. */
  text: string;
  known: number;
  unknown: number;
}

/**
 * Read emoji as words: an image model (and the offline renderer) understands "sunset", not 🌅.
 * Emoji with no reading carry nothing a prompt can use, so they are dropped.
 */
export function readEmoji(text: string): EmojiReading {
  let known = 0;
  let unknown = 0;
  const replaced = text.replace(EMOJI_RUN, (run) => {
    const words: string[] = [];
    for (const cluster of clusters(run)) {
      const word = WORDS.get(cluster) ?? WORDS.get(firstCodePoint(cluster));
      if (word === undefined) {
        if (PICTOGRAPH.test(cluster)) unknown += 1;
        continue;
      }
      known += 1;
      if (words[words.length - 1] !== word) words.push(word);
    }
    return words.length > 0 ? ` ${words.join(' ')} ` : ' ';
  });
  return { text: replaced, known, unknown };
}

/** Split a run into emoji: a pictograph plus whatever a zero-width joiner attaches to it. */
function clusters(run: string): string[] {
  const result: string[] = [];
  let current = '';
  let joined = false;
  for (const char of run.replace(DECORATION, '')) {
    if (char === '\u200d') {
      joined = true;
      current += char;
      continue;
    }
    if (current !== '' && !joined) {
      result.push(current);
      current = '';
    }
    current += char;
    joined = false;
  }
  if (current !== '') result.push(current);
  return result;
}

function firstCodePoint(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}
