import type { ImageContext, OnGenerated, StoreExtras, StoredImage } from './context.js';
import type { GeneratedImage } from './ports.js';

/**
 * What generate, edit and enhance share: tell the caller the image is made, store it under the
 * id given, and describe the result.
 */
export async function storeGenerated(
  ctx: ImageContext,
  target: { userId: string; id: string; onGenerated?: OnGenerated | undefined } & StoreExtras,
  image: GeneratedImage,
  timing: { startedAt: number; seed?: number | undefined },
): Promise<StoredImage> {
  await target.onGenerated?.(image, Math.round(performance.now() - timing.startedAt));
  const stored = await ctx.storage.put({
    imageId: target.id,
    userId: target.userId,
    data: image.data,
    format: image.format,
    tags: target.tags,
    context: target.context,
  });
  return {
    id: target.id,
    storage: ctx.storage.kind,
    storageKey: stored.key,
    url: stored.url,
    thumbnailUrl: stored.thumbnailUrl,
    width: image.width,
    height: image.height,
    format: image.format,
    bytes: stored.bytes,
    provider: image.provider,
    model: image.model,
    seed: timing.seed ?? image.seed,
  };
}
