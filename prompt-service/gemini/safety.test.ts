import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../../shared/testing/fakes/gemini-server.js';
import { createGeminiPromptEngine } from './engine.js';

/**
 * Gemini's safety ratings of an answered prompt, through the real SDK against the fake speaking
 * Gemini's wire format: the engine hands them on with the refinement, for moderatePrompt to judge.
 */

const TEXT_MODEL = 'gemini-2.5-flash';

let fake: FakeGemini;

beforeEach(async () => {
  fake = await startFakeGemini();
});

afterEach(async () => {
  await fake.close();
});

const engine = () => createGeminiPromptEngine({ apiKey: 'k', baseUrl: fake.url, model: TEXT_MODEL, timeoutMs: 5000 });

describe('the prompt engine', () => {
  it('hands on the ratings of an answered prompt, from the candidate and from promptFeedback', async () => {
    fake.script(TEXT_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HIGH', HARM_CATEGORY_HARASSMENT: 'LOW' } });
    expect((await engine().refine({ prompt: 'a figure study' })).safety).toEqual({
      flagged: true,
      severe: true,
      ratings: ['HARM_CATEGORY_SEXUALLY_EXPLICIT:HIGH'],
    });
    fake.script(TEXT_MODEL, { ratings: { HARM_CATEGORY_DANGEROUS_CONTENT: 'MEDIUM' }, at: 'prompt' });
    expect((await engine().refine({ prompt: 'a sword fight' })).safety).toEqual({
      flagged: true,
      severe: false,
      ratings: ['HARM_CATEGORY_DANGEROUS_CONTENT:MEDIUM'],
    });
    fake.script(TEXT_MODEL, { ratings: {} });
    expect((await engine().refine({ prompt: 'a lighthouse' })).safety).toEqual({ flagged: false, severe: false, ratings: [] });
    expect((await engine().refine({ prompt: 'a lighthouse' })).safety).toBeUndefined(); // no ratings sent
  });
});
