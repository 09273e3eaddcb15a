/** Limits and checks for the text clients send, shared by every service that takes a prompt. */

/** Longest prompt or message accepted, in characters after trimming. */
export const MAX_PROMPT_CHARS = 4000;

/**
 * Characters no store can hold as text: NUL (Postgres refuses it in `text` and `jsonb`), and
 * a UTF-16 surrogate without its pair (it has no UTF-8 form; drivers would replace it silently).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds a character that cannot be stored as text (see {@link UNSTORABLE}). */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}
