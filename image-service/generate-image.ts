import { randomInt } from 'node:crypto';
import { ValidationFailed } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ImageContext, StoreExtras, StoredImage } from './context.js';
import type { ImageFormat } from './ports.js';
import { MAX_SEED } from './schemas.js';
import { resolveSize } from './size.js';
import { storeGenerated } from './store-generated.js';

export interface GenerateImageInput extends StoreExtras {
  userId: string;
  prompt: string;
  width?: number;
  height?: number;
  /** "W:H"; see resolveSize for how it combines with the sides. */
  aspectRatio?: string;
  /** Default: a random 31-bit number, returned so the image can be made again. */
  seed?: number;
  /** Default png. */
  format?: ImageFormat;
  /** Default a new id. Pass a stable one (derived from the message) so a retry replaces, never duplicates. */
  imageId?: string;
  /** Written on the image by the offline renderer; default the prompt. */
  caption?: string;
  negativePrompt?: string;
}

/**
 * Make an image from a prompt and store it. Size rules and their errors are resolveSize's; a bad
 * size or seed is refused before anything is generated or stored.
 */
export async function generateImage({ ctx, input }: { ctx: ImageContext; input: GenerateImageInput }): Promise<StoredImage> {
  // No upper bound here: the route caps what clients send, and a refined prompt may run longer.
  const prompt = input.prompt.trim();
  if (prompt === '') {
    throw new ValidationFailed('prompt must not be empty', [{ path: 'prompt', message: 'prompt must not be empty' }]);
  }
  const { width, height } = resolveSize(input);
  const seed = checkSeed(input.seed) ?? randomInt(0, MAX_SEED + 1);
  const image = await ctx.imageGenerator.generate({
    prompt,
    width,
    height,
    seed,
    format: input.format ?? 'png',
    caption: input.caption,
    negativePrompt: input.negativePrompt,
    aspectRatio: input.aspectRatio,
  });
  return storeGenerated(ctx, { ...input, imageId: input.imageId ?? newId() }, image);
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
