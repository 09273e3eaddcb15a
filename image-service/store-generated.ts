import type { ImageContext, StoreExtras, StoredImage } from './context.js';
import type { GeneratedImage } from './ports.js';

/** Store what a generator made and describe the result; shared by generate, edit and enhance. */
export async function storeGenerated(
  ctx: ImageContext,
  target: { userId: string; imageId: string } & StoreExtras,
  image: GeneratedImage,
  seed: number = image.seed,
): Promise<StoredImage> {
  const stored = await ctx.storage.put({
    imageId: target.imageId,
    userId: target.userId,
    data: image.data,
    format: image.format,
    tags: target.tags,
    context: target.context,
  });
  return {
    imageId: target.imageId,
    url: stored.url,
    thumbnailUrl: stored.thumbnailUrl,
    key: stored.key,
    storage: ctx.storage.kind,
    width: image.width,
    height: image.height,
    format: image.format,
    bytes: stored.bytes,
    provider: image.provider,
    model: image.model,
    seed,
  };
}
