import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import type { HistoryTurn } from './engine.js';
import { createOfflinePromptEngine } from './offline/engine.js';
import { MAX_HISTORY_TURNS, refinePrompt } from './refine-prompt.js';

const ctx = { promptEngine: createOfflinePromptEngine() };

describe('refinePrompt', () => {
  it('refines the trimmed prompt with the configured engine', async () => {
    const result = await refinePrompt({ ctx, input: { prompt: '  Please create a sunset landscape \n' } });
    expect(result).toMatchObject({ originalPrompt: 'Please create a sunset landscape', intent: 'generate', provider: 'offline' });
    expect(result.refinedPrompt.startsWith('a sunset landscape, ')).toBe(true);
  });

  it.each([
    ['empty', '', /empty/],
    ['only whitespace', ' \n\t ', /empty/],
    ['too long', 'a'.repeat(4001), /4000/],
  ])('rejects a prompt that is %s', async (_name, prompt, message) => {
    const error = await refinePrompt({ ctx, input: { prompt } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation_failed', details: [{ path: 'prompt' }] });
    expect((error as AppError).message).toMatch(message);
  });

  it('accepts a prompt of exactly 4000 characters', async () => {
    const result = await refinePrompt({ ctx, input: { prompt: `a castle ${'x'.repeat(3991)}` } });
    expect(result.intent).toBe('generate');
  });

  it('passes the session context on', async () => {
    const result = await refinePrompt({
      ctx,
      input: { prompt: 'add a castle to a mountain landscape', context: { hasPreviousImage: true } },
    });
    expect(result.intent).toBe('edit');
  });

  it(`shows the engine only the latest ${MAX_HISTORY_TURNS} turns`, async () => {
    const generated: HistoryTurn = { content: 'a fox', intent: 'generate', refinedPrompt: 'a fox, wildlife photography', hasImage: true };
    const chat: HistoryTurn = { content: 'thanks', intent: 'chat', refinedPrompt: null, hasImage: false };
    const recent = await refinePrompt({
      ctx,
      input: { prompt: 'another one', context: { history: [generated, ...Array(MAX_HISTORY_TURNS - 1).fill(chat)] } },
    });
    const older = await refinePrompt({
      ctx,
      input: { prompt: 'another one', context: { history: [generated, ...Array(MAX_HISTORY_TURNS).fill(chat)] } },
    });

    expect(recent).toMatchObject({ intent: 'generate', refinedPrompt: 'a fox, wildlife photography' });
    expect(older.intent).toBe('chat');
  });
});
