import { AppError, type ErrorDetail } from './errors.js';

/**
 * What Atelier does with a prompt or an image its moderation finds unsafe (MODERATION_POLICY,
 * see docs/moderation.md):
 * - `block` (default): refuse it with `safety_blocked` before any image is made; what is only
 *   suggestive (or rated MEDIUM by a provider) is made and marked nsfw;
 * - `flag`: make it, and mark the image nsfw;
 * - `off`: Atelier checks nothing (a provider's own refusal still stands).
 */
export const MODERATION_POLICIES = ['block', 'flag', 'off'] as const;
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number];

/** What a use case that applies the policy needs. */
export interface ModerationContext {
  moderationPolicy: ModerationPolicy;
}

/**
 * What a provider's safety ratings said about a prompt or an image (Gemini's `safetyRatings`),
 * read once where the provider's answer is read.
 */
export interface ProviderSafety {
  /** Some harm category was rated MEDIUM or HIGH: the image is marked nsfw. */
  flagged: boolean;
  /** Some harm category was rated HIGH: what the `block` policy refuses. */
  severe: boolean;
  /** The ratings that counted, as `CATEGORY:PROBABILITY` (e.g. `HARM_CATEGORY_SEXUALLY_EXPLICIT:HIGH`). */
  ratings: string[];
}

/**
 * Moderation refused a prompt or an image. Not retryable: the same prompt is refused again.
 * The gateway answers 422; a message ends FAILED with this code.
 */
export class SafetyBlocked extends AppError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('safety_blocked', message, { details });
  }
}
