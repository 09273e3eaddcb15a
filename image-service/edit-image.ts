import { randomInt } from 'node:crypto';
import { ValidationFailed } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { ImageContext, OnGenerated, StoreExtras, StoredImage } from './context.js';
import { checkSeed } from './generate-image.js';
import { formatOf } from './format.js';
import type { ImageFormat } from './ports.js';
import { MAX_SEED } from './schemas.js';
import { storeGenerated } from './store-generated.js';

export interface EditImageInput extends StoreExtras {
  userId: string;
  /** The image to change, as stored (see loadStoredImage). */
  source: Buffer;
  /** The change, in the user's words: "make it black and white and crop to 16:9". */
  instruction: string;
  /** Default random (the offline renderer's edits do not use it; Gemini's do). */
  seed?: number | undefined;
  /** Default: the source's own format (png when it is none of ours). */
  format?: ImageFormat | undefined;
  /** Default a new id: an edit is a new image; the source stays as it was. */
  id?: string | undefined;
}

/** Apply an edit to an image and store the result as a new image. */
export async function editImage({
  ctx,
  input,
  onGenerated,
}: {
  ctx: ImageContext;
  input: EditImageInput;
  onGenerated?: OnGenerated;
}): Promise<StoredImage> {
  const instruction = input.instruction.trim();
  if (instruction === '') {
    throw new ValidationFailed('instruction must not be empty', [{ path: 'instruction', message: 'instruction must not be empty' }]);
  }
  const startedAt = performance.now();
  const image = await ctx.imageGenerator.edit({
    source: input.source,
    instruction,
    seed: checkSeed(input.seed) ?? randomInt(0, MAX_SEED + 1),
    format: input.format ?? (await sourceFormat(input.source)),
  });
  return storeGenerated(ctx, { ...input, id: input.id ?? newId(), onGenerated }, image, { startedAt }, { prompt: instruction, intent: 'edit' });
}

/** The source's format when it is one we write; png otherwise (an unreadable source fails in the generator). */
export async function sourceFormat(source: Buffer): Promise<ImageFormat> {
  try {
    return (await formatOf(source)) ?? 'png';
  } catch {
    return 'png';
  }
}
