import { offlineTitle } from './offline/title.js';

/**
 * A conversation's title from its first message. The same for every engine: it is derived from
 * the prompt's subject by the offline engine's reading (deterministic, free, and instant), so a
 * Gemini install spends no second model call and no extra tokens on it (docs/templates.md).
 */
export function titleFor(prompt: string): string {
  return offlineTitle(prompt.trim());
}
