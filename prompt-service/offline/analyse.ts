import { readEmoji } from './emoji.js';
import { detectLanguage, type Language } from './language.js';
import { tokenize, type Token } from './text.js';

/** One prompt, read once: what intent detection and refinement both work from. */
export interface Analysis {
  /** The prompt as given. */
  original: string;
  /** The prompt with emoji read as words; token offsets point into this. */
  text: string;
  tokens: Token[];
  /** The tokens that carry words: no punctuation, no web addresses. */
  words: Token[];
  /** `words`, normalized. */
  norms: string[];
  hadUrl: boolean;
  emoji: { known: number; unknown: number };
  language: Language;
  /** Ends with "?" (or opens with "¿"). */
  question: boolean;
}

export function analyse(prompt: string): Analysis {
  const emoji = readEmoji(prompt);
  const tokens = tokenize(emoji.text);
  const words = tokens.filter((token) => token.norm !== '');
  const norms = words.map((token) => token.norm);
  const trimmed = emoji.text.trim();
  return {
    original: prompt,
    text: emoji.text,
    tokens,
    words,
    norms,
    hadUrl: tokens.some((token) => token.url),
    emoji: { known: emoji.known, unknown: emoji.unknown },
    language: detectLanguage(norms, emoji.text),
    question: trimmed.endsWith('?') || trimmed.startsWith('¿'),
  };
}
