import { phraseWords } from './text.js';

/**
 * Vocabulary phrases ("can you", "black and white", "coucher de soleil") in a trie over normalized
 * words. A lookup walks at most as many words as the longest phrase, so scanning a prompt is linear.
 */

interface Node<T> {
  next: Map<string, Node<T>>;
  value?: T;
}

export interface PhraseMatch<T> {
  /** Index of the first word matched. */
  index: number;
  /** How many words were matched. */
  length: number;
  value: T;
}

export interface PhraseSetOptions {
  /** Also match a word with a trailing `s` / `es` dropped ("mountains" finds "mountain"). Default false. */
  plurals?: boolean;
  /** Match phrases backwards, from the end of a word list (for trailing "thank you"). Default false. */
  reversed?: boolean;
}

export class PhraseSet<T> {
  private readonly root: Node<T> = { next: new Map() };
  private readonly plurals: boolean;
  private readonly reversed: boolean;

  /** Later entries replace earlier ones for the same phrase. */
  constructor(entries: Iterable<readonly [phrase: string, value: T]>, options: PhraseSetOptions = {}) {
    this.plurals = options.plurals ?? false;
    this.reversed = options.reversed ?? false;
    for (const [phrase, value] of entries) {
      const words = phraseWords(phrase);
      if (this.reversed) words.reverse();
      if (words.length === 0) continue;
      let node = this.root;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      node.value = value;
    }
  }

  /** Build a set where every phrase of each list maps to the list's key. */
  static fromGroups<K extends string>(
    groups: Readonly<Record<K, readonly string[]>>,
    options?: PhraseSetOptions,
  ): PhraseSet<K> {
    const entries: [string, K][] = [];
    for (const key of Object.keys(groups) as K[]) {
      for (const phrase of groups[key]) entries.push([phrase, key]);
    }
    return new PhraseSet(entries, options);
  }

  /** The longest phrase starting at `index` (for a reversed set: ending at `index`, walking left). */
  matchAt(words: readonly string[], index: number): PhraseMatch<T> | undefined {
    const step = this.reversed ? -1 : 1;
    let node: Node<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = index, length = 1; i >= 0 && i < words.length; i += step, length += 1) {
      node = this.child(node, words[i] ?? '');
      if (!node) break;
      if (node.value !== undefined) {
        best = { index: this.reversed ? i : index, length, value: node.value };
      }
    }
    return best;
  }

  /** Every match, leftmost-longest and not overlapping. */
  scan(words: readonly string[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < words.length; ) {
      const match = this.matchAt(words, i);
      if (match) {
        matches.push(match);
        i += match.length;
      } else {
        i += 1;
      }
    }
    return matches;
  }

  /** Whether the words, all of them, are one phrase of the set. */
  isPhrase(words: readonly string[]): boolean {
    return words.length > 0 && this.matchAt(words, 0)?.length === words.length;
  }

  private child(node: Node<T>, word: string): Node<T> | undefined {
    const exact = node.next.get(word);
    if (exact || !this.plurals || !word.endsWith('s') || word.length < 4) return exact;
    return node.next.get(word.slice(0, -1)) ?? (word.endsWith('es') ? node.next.get(word.slice(0, -2)) : undefined);
  }
}
