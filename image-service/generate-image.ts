import { randomInt } from 'node:crypto';
import { ValidationFailed } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ImageContext, OnGenerated, StoreExtras, StoredImage } from './context.js';
import type { ImageFormat } from './ports.js';
import { MAX_SEED } from './schemas.js';
import { resolveSize } from './size.js';
import { storeGenerated } from './store-generated.js';

export interface GenerateImageInput extends StoreExtras {
  userId: string;
  prompt: string;
  width?: number | undefined;
  height?: number | undefined;
  /** "W:H"; see resolveSize for how it combines with the sides. */
  aspectRatio?: string | undefined;
  /** Default: a random 31-bit number, returned so the image can be made again. */
  seed?: number | undefined;
  /** Default png. */
  format?: ImageFormat | undefined;
  /** Default a new id. Pass a stable one (derived from the message) so a retry replaces, never duplicates. */
  id?: string | undefined;
  /** Written on the image by the offline renderer; default the prompt. */
  caption?: string | undefined;
  negativePrompt?: string | undefined;
}

/**
 * Make an image from a prompt and store it. Size rules and their errors are resolveSize's; a bad
 * size or seed is refused before anything is generated or stored.
 */
export async function generateImage({
  ctx,
  input,
  onGenerated,
}: {
  ctx: ImageContext;
  input: GenerateImageInput;
  onGenerated?: OnGenerated;
}): Promise<StoredImage> {
  // No upper bound here: the route caps what clients send, and a refined prompt may run longer.
  const prompt = input.prompt.trim();
  if (prompt === '') {
    throw new ValidationFailed('prompt must not be empty', [{ path: 'prompt', message: 'prompt must not be empty' }]);
  }
  const { width, height } = resolveSize(input);
  const seed = checkSeed(input.seed) ?? randomInt(0, MAX_SEED + 1);
  const startedAt = performance.now();
  const image = await ctx.imageGenerator.generate({
    prompt,
    width,
    height,
    seed,
    format: input.format ?? 'png',
    ...(input.caption !== undefined && { caption: input.caption }),
    ...(input.negativePrompt !== undefined && { negativePrompt: input.negativePrompt }),
    ...(input.aspectRatio !== undefined && { aspectRatio: input.aspectRatio }),
  });
  const parameters = { negativePrompt: input.negativePrompt, ...input.parameters };
  return storeGenerated(ctx, { ...input, parameters, id: input.id ?? newId(), onGenerated }, image, { startedAt }, { prompt, intent: 'generate' });
}

/** The seed as given, or a validation error naming it. */
export function checkSeed(seed: number | undefined): number | undefined {
  if (seed === undefined) return undefined;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    const message = `seed must be a whole number from 0 to ${MAX_SEED}`;
    throw new ValidationFailed(message, [{ path: 'seed', message }]);
  }
  return seed;
}
