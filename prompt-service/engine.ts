import type { ProviderSafety } from '../shared/moderation.js';
import type { ProviderUsage } from '../shared/usage.js';

/**
 * The prompt engine port: turn what a user typed into a prompt an image model does well with,
 * and say what the user wants. Implementations: the offline engine and Gemini.
 */

export const INTENTS = ['generate', 'edit', 'enhance', 'chat'] as const;
export type Intent = (typeof INTENTS)[number];

/** One earlier turn of the conversation, newest last. */
export interface HistoryTurn {
  /** What the user wrote. */
  content: string;
  intent: Intent | null;
  /** The refined prompt of that turn, when it had one. */
  refinedPrompt: string | null;
  /** Whether that turn ended with an image. */
  hasImage: boolean;
}

export interface RefineInput {
  prompt: string;
  context?: {
    /** Recent turns of the same conversation, oldest first. */
    history?: HistoryTurn[];
    /** Whether an earlier image exists that `edit` / `enhance` could work on. */
    hasPreviousImage?: boolean;
  };
}

export interface Refinement {
  originalPrompt: string;
  /** The prompt for the image model; for `edit`, the change to make. Empty for `chat`. */
  refinedPrompt: string;
  intent: Intent;
  /** 0..1: how sure the engine is of the intent. */
  confidence: number;
  negativePrompt: string;
  /** A text answer for the user: the whole answer for `chat`, a short note otherwise. */
  reply: string | null;
  provider: string;
  model: string;
  /** Token counts, where the provider reports them. */
  usage?: ProviderUsage;
  /** Served from the refinement cache: no provider call was made. */
  cached?: boolean;
  /** The provider's safety ratings of the prompt and its answer, when it gives some (Gemini). */
  safety?: ProviderSafety;
}

export interface PromptEngine {
  readonly provider: string;
  readonly model: string;
  refine(input: RefineInput): Promise<Refinement>;
}
