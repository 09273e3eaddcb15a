import { newId } from '../shared/ids.js';
import type { ImageContext, OnGenerated, StoreExtras, StoredImage } from './context.js';
import { sourceFormat } from './edit-image.js';
import type { ImageFormat } from './ports.js';
import { storeGenerated } from './store-generated.js';

export interface EnhanceImageInput extends StoreExtras {
  userId: string;
  source: Buffer;
  /** Optional direction ("sharper", "more detail"); the offline renderer has one way to enhance. */
  instruction?: string | undefined;
  /** Default: the source's own format. */
  format?: ImageFormat | undefined;
  /** The source's seed, kept on the result so it still says where the picture came from. Default: the generator's. */
  seed?: number | undefined;
  id?: string | undefined;
}

/** Upscale and sharpen an image (offline: 2×, longest side at most 4096) and store the result as a new image. */
export async function enhanceImage({
  ctx,
  input,
  onGenerated,
}: {
  ctx: ImageContext;
  input: EnhanceImageInput;
  onGenerated?: OnGenerated;
}): Promise<StoredImage> {
  const startedAt = performance.now();
  const image = await ctx.imageGenerator.enhance({
    source: input.source,
    format: input.format ?? (await sourceFormat(input.source)),
    ...(input.instruction !== undefined && { instruction: input.instruction }),
  });
  return storeGenerated(
    ctx,
    { ...input, id: input.id ?? newId(), onGenerated },
    image,
    { startedAt, seed: input.seed },
    { prompt: input.instruction?.trim() || 'enhance', intent: 'enhance' },
  );
}
