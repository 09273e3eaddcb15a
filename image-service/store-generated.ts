import { ProviderError } from '../shared/errors.js';
import type { ImageContext, OnGenerated, StoreExtras, StoredImage } from './context.js';
import { ATELIER_VERSION } from '../shared/version.js';
import { embedParameters } from './parameters.js';
import type { GeneratedImage } from './ports.js';

/**
 * What generate, edit and enhance share: apply the moderation policy to the provider's safety
 * ratings of the image (see ImageContext), tell the caller the image is made, write its
 * parameters into the file (parameters.ts), store it under the id given, and describe the result.
 */
export async function storeGenerated(
  ctx: ImageContext,
  target: { userId: string; id: string; onGenerated?: OnGenerated | undefined } & StoreExtras,
  image: GeneratedImage,
  timing: { startedAt: number; seed?: number | undefined },
  requested: { prompt: string; intent: string },
): Promise<StoredImage> {
  const nsfw = judgeImage(ctx, image) || target.nsfw === true;
  await target.onGenerated?.(image, Math.round(performance.now() - timing.startedAt));
  const seed = timing.seed ?? image.seed;
  const data = embedParameters(image.data, {
    prompt: target.parameters?.prompt ?? requested.prompt,
    refinedPrompt: target.parameters?.refinedPrompt,
    negativePrompt: target.parameters?.negativePrompt,
    intent: target.parameters?.intent ?? requested.intent,
    provider: image.provider,
    model: image.model,
    seed,
    width: image.width,
    height: image.height,
    atelierVersion: ATELIER_VERSION,
  });
  const stored = await ctx.storage.put({
    imageId: target.id,
    userId: target.userId,
    data,
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
    seed,
    ...(nsfw && { nsfw }),
  };
}

/** Whether the provider's ratings flag the image; a HIGH rating under `block` stops it before it is stored. */
function judgeImage(ctx: ImageContext, image: GeneratedImage): boolean {
  const policy = ctx.moderationPolicy ?? 'block';
  if (policy === 'off' || !image.safety) return false;
  if (policy === 'block' && image.safety.severe) {
    throw new ProviderError(image.provider, 'safety_blocked', `the image was rated unsafe (${image.safety.ratings.join(', ')})`);
  }
  return image.safety.flagged;
}
