import { ValidationFailed } from '../shared/errors.js';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import type { HistoryTurn, PromptEngine, RefineInput, Refinement } from './engine.js';

/** What the prompt service's use cases need. */
export interface PromptContext {
  promptEngine: PromptEngine;
}

/** Most history turns an engine is shown; older ones add cost, not understanding. */
export const MAX_HISTORY_TURNS = 20;

/**
 * Refine a prompt and detect its intent with the configured engine. The prompt is trimmed and
 * must be 1..4000 characters; only the latest {@link MAX_HISTORY_TURNS} history turns are passed on.
 * @throws ValidationFailed (path `prompt`) for an empty or too long prompt.
 */
export async function refinePrompt({ ctx, input }: { ctx: PromptContext; input: RefineInput }): Promise<Refinement> {
  const prompt = input.prompt.trim();
  if (prompt === '') {
    throw new ValidationFailed('prompt must not be empty', [
      { path: 'prompt', message: 'must not be empty or only whitespace' },
    ]);
  }
  if (prompt.length > MAX_PROMPT_CHARS) {
    throw new ValidationFailed(`prompt is longer than ${MAX_PROMPT_CHARS} characters`, [
      { path: 'prompt', message: `must be at most ${MAX_PROMPT_CHARS} characters (got ${prompt.length})` },
    ]);
  }
  const history: HistoryTurn[] | undefined = input.context?.history?.slice(-MAX_HISTORY_TURNS);
  const context = input.context && { ...input.context, ...(history && { history }) };
  return ctx.promptEngine.refine({ prompt, ...(context && { context }) });
}
