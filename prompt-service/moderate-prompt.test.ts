import { describe, expect, it } from 'vitest';
import { SafetyBlocked, type ModerationPolicy, type ProviderSafety } from '../shared/moderation.js';
import { moderatePrompt } from './moderate-prompt.js';

/** MODERATION_POLICY applied to what the word check and a provider's ratings say. */

const high: ProviderSafety = { flagged: true, severe: true, ratings: ['HARM_CATEGORY_SEXUALLY_EXPLICIT:HIGH'] };
const medium: ProviderSafety = { flagged: true, severe: false, ratings: ['HARM_CATEGORY_HARASSMENT:MEDIUM'] };
const negligible: ProviderSafety = { flagged: false, severe: false, ratings: [] };

type Outcome = 'blocked' | 'nsfw' | 'clean';

async function outcome(policy: ModerationPolicy, prompt: string, providerSafety?: ProviderSafety): Promise<Outcome> {
  try {
    const verdict = await moderatePrompt({ ctx: { moderationPolicy: policy }, input: { prompt, providerSafety } });
    return verdict.nsfw ? 'nsfw' : 'clean';
  } catch (error) {
    if (error instanceof SafetyBlocked) return 'blocked';
    throw error;
  }
}

describe('moderatePrompt', () => {
  it.each([
    // policy, prompt, provider ratings, outcome
    ['block', 'a lighthouse at sunset', undefined, 'clean'],
    ['block', 'a nude woman', undefined, 'blocked'],
    ['block', 'una escena de sexo oral', undefined, 'blocked'],
    ['block', 'a sexy sports car', undefined, 'nsfw'],
    ['block', 'a lighthouse at sunset', high, 'blocked'],
    ['block', 'a lighthouse at sunset', medium, 'nsfw'],
    ['block', 'a lighthouse at sunset', negligible, 'clean'],
    ['flag', 'a lighthouse at sunset', undefined, 'clean'],
    ['flag', 'a nude woman', undefined, 'nsfw'],
    ['flag', 'a sexy sports car', undefined, 'nsfw'],
    ['flag', 'a lighthouse at sunset', high, 'nsfw'],
    ['flag', 'a lighthouse at sunset', medium, 'nsfw'],
    ['off', 'a nude woman', high, 'clean'],
    ['block', '', undefined, 'clean'],
  ] as const)('%s: %j with %j → %s', async (policy, prompt, safety, expected) => {
    expect(await outcome(policy, prompt, safety)).toBe(expected);
  });

  it('refuses with safety_blocked, not retryable, naming what it found', async () => {
    const refusal = await moderatePrompt({ ctx: { moderationPolicy: 'block' }, input: { prompt: 'porno and a sexy car' } }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SafetyBlocked);
    expect(refusal).toMatchObject({ code: 'safety_blocked', retryable: false });
    expect((refusal as SafetyBlocked).message).toContain('"porno"');
    expect((refusal as SafetyBlocked).details).toEqual([
      { message: 'explicit term "porno" (en, de)' },
      { message: 'suggestive term "sexy" (en)' },
    ]);
  });

  it('says why it flagged', async () => {
    const verdict = await moderatePrompt({ ctx: { moderationPolicy: 'flag' }, input: { prompt: 'a nude', providerSafety: medium } });
    expect(verdict).toEqual({
      nsfw: true,
      reasons: ['explicit term "nude" (en)', 'provider rating HARM_CATEGORY_HARASSMENT:MEDIUM'],
    });
  });
});
