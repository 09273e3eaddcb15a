import { SafetyBlocked, type ModerationContext, type ProviderSafety } from '../shared/moderation.js';
import { findTerms } from './moderation/word-list.js';

export interface ModeratePromptInput {
  /** What to check: a prompt as typed, or a refined prompt. Empty is clean. */
  prompt: string;
  /** A provider's ratings of the same prompt (the refinement's `safety`, with Gemini), when it gave some. */
  providerSafety?: ProviderSafety | undefined;
}

export interface PromptVerdict {
  /** Mark what is made from this prompt nsfw (the policy let it through). */
  nsfw: boolean;
  /** What counted, e.g. `explicit term "nude" (en)`, `gemini HARM_CATEGORY_SEXUALLY_EXPLICIT:MEDIUM`. Empty when clean. */
  reasons: string[];
}

/**
 * Check a prompt before any image is made from it, and apply MODERATION_POLICY:
 * - an explicit term of the offline word list (moderation/vocabulary.ts), or a HIGH provider
 *   rating, is severe: under `block` it is refused; under `flag` it is let through as nsfw;
 * - a suggestive term, or a MEDIUM rating, only marks it nsfw (under `block` too);
 * - under `off` nothing is checked.
 * Call it with the prompt as typed before refining (a refused prompt costs no provider call), and
 * again with the refined prompt and the provider's ratings when the engine gave them.
 * @throws SafetyBlocked (`safety_blocked`, not retryable) when the policy refuses the prompt.
 */
export async function moderatePrompt({ ctx, input }: { ctx: ModerationContext; input: ModeratePromptInput }): Promise<PromptVerdict> {
  if (ctx.moderationPolicy === 'off') return { nsfw: false, reasons: [] };
  const terms = findTerms(input.prompt);
  const safety = input.providerSafety;
  const explicit = terms.filter((term) => term.tier === 'explicit');
  const reasons = [
    ...terms.map((term) => `${term.tier} term "${term.term}" (${term.languages.join(', ')})`),
    ...(safety?.flagged ? safety.ratings.map((rating) => `provider rating ${rating}`) : []),
  ];
  const severe = explicit.length > 0 || safety?.severe === true;
  if (severe && ctx.moderationPolicy === 'block') {
    const why = explicit.length > 0 ? `explicit content ("${explicit.map((term) => term.term).join('", "')}")` : 'content the provider rated unsafe';
    throw new SafetyBlocked(
      `the prompt was refused by moderation: it asks for ${why}; rephrase it`,
      reasons.map((message) => ({ message })),
    );
  }
  return { nsfw: reasons.length > 0, reasons };
}
