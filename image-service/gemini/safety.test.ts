import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModerationPolicy } from '../../shared/moderation.js';
import { startFakeGemini, type FakeGemini } from '../../shared/testing/fakes/gemini-server.js';
import { expectProviderFailure } from '../../shared/testing/provider-errors.js';
import type { ImageContext } from '../context.js';
import { generateImage } from '../generate-image.js';
import { createDiskStorage } from '../storage/disk.js';
import { createGeminiImageGenerator } from './generator.js';

/**
 * Gemini's safety ratings of a made image, through the real SDK against the fake speaking
 * Gemini's wire format, judged by the image service's moderation (MODERATION_POLICY).
 */

const IMAGE_MODEL = 'gemini-2.5-flash-image';

let fake: FakeGemini;
let mediaDir: string;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'atelier-gemini-safety-'));
});

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

beforeEach(async () => {
  fake = await startFakeGemini();
});

afterEach(async () => {
  await fake.close();
});

function imageContext(policy: ModerationPolicy): ImageContext {
  return {
    imageGenerator: createGeminiImageGenerator({ apiKey: 'k', baseUrl: fake.url, model: IMAGE_MODEL, timeoutMs: 5000 }),
    storage: createDiskStorage({ mediaDir }),
    moderationPolicy: policy,
  };
}

const stored = async () => (await readdir(mediaDir, { recursive: true })).filter((entry) => entry.endsWith('.png'));

describe('an image Gemini rated', () => {
  const generate = (policy: ModerationPolicy, nsfw?: boolean) =>
    generateImage({ ctx: imageContext(policy), input: { userId: 'u1', prompt: 'a figure study', width: 64, height: 64, nsfw } });

  it('HIGH under block: safety_blocked, and nothing is stored', async () => {
    fake.script(IMAGE_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: 'HIGH' } });
    const before = await stored();
    const error = await expectProviderFailure(generate('block'), 'gemini', 'safety_blocked');
    expect(error.message).toContain('HARM_CATEGORY_SEXUALLY_EXPLICIT:HIGH');
    expect(await stored()).toEqual(before);
  });

  it.each([
    // policy, rating, nsfw
    ['block', 'MEDIUM', true],
    ['block', 'LOW', false],
    ['flag', 'HIGH', true],
    ['flag', 'NEGLIGIBLE', false],
    ['off', 'HIGH', false],
  ] as const)('%s, rated %s: stored, nsfw %s', async (policy, probability, nsfw) => {
    fake.script(IMAGE_MODEL, { ratings: { HARM_CATEGORY_SEXUALLY_EXPLICIT: probability } });
    const image = await generate(policy);
    expect(image.nsfw === true).toBe(nsfw);
  });

  it('stays nsfw when the caller knew it was (its prompt was flagged), whatever the ratings', async () => {
    fake.script(IMAGE_MODEL, { ratings: {} });
    expect((await generate('block', true)).nsfw).toBe(true);
  });

  it('a refusal (IMAGE_SAFETY) is safety_blocked under every policy', async () => {
    fake.script(IMAGE_MODEL, { safety: 'candidate' });
    await expectProviderFailure(generate('off'), 'gemini', 'safety_blocked');
  });
});
