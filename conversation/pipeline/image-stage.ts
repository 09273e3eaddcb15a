import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import {
  editImage,
  enhanceImage,
  generateImage,
  loadStoredImage,
  type GeneratedImage,
  type StoredImage,
} from '../../image-service/index.js';
import { AppError } from '../../shared/errors.js';
import { derivedId } from '../../shared/ids.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal, variationsOf, type MessageImage, type MessageRecord, type StageUsage } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';
import { sourceImageOf } from './source-image.js';

/** The message moved on (cancelled, deleted) while its image was being made: store nothing. */
class MessageMovedOn extends Error {}

/** The highest seed the image service takes (2^31 - 1): a variation's seed wraps below it. */
const SEED_SPAN = 2 ** 31;

/**
 * Stage 2: make the image through the image service's use cases (`generateImage`, or `editImage`
 * / `enhanceImage` of the source image), which also store it; with `options.n` > 1, that many
 * variations, one after another, each with the next seed. Each image's id and seed derive from
 * the message id and its index, so a retry makes the same images and overwrites the same files;
 * the gallery files each under that same id.
 */
export async function imageStage(ctx: PipelineContext, job: Job<StageJob>): Promise<void> {
  const message = await ctx.store.findMessage(job.data.messageId);
  if (!message || isFinal(message.status)) return;
  if (message.image === null) {
    const started = await transitionMessage(
      ctx,
      message.id,
      { type: 'stage_started', stage: 'generating', attempt: job.attemptsMade + 1 },
      message,
    );
    if (!started) return;
    let uploading: MessageRecord | null = null;
    let uploadStartedAt = 0;
    // The first image moves the message to uploading (its generation time is `generating`).
    const onFirstGenerated = async (generated: GeneratedImage, tookMs: number) => {
      uploading = await transitionMessage(
        ctx,
        started.id,
        { type: 'image_generated', tookMs, ...(generated.usage && { usage: usageOf(generated, generated.usage) }) },
        started,
      );
      if (!uploading) throw new MessageMovedOn();
      uploadStartedAt = performance.now();
    };
    // Further variations only add what their calls used (with the image_stored change).
    const moreUsage: StageUsage[] = [];
    const onMoreGenerated = async (generated: GeneratedImage) => {
      if (generated.usage) moreUsage.push(usageOf(generated, generated.usage));
    };
    const images: MessageImage[] = [];
    try {
      for (let index = 0; index < variationsOf(started); index++) {
        if (index > 0 && (await movedOn(ctx, started.id))) throw new MessageMovedOn();
        images.push(await makeImage(ctx, started, index, index === 0 ? onFirstGenerated : onMoreGenerated));
      }
    } catch (error) {
      // A retry makes them all again (same ids, same files); a message that moved on wants none.
      await removeImages(ctx, started.id, images);
      if (error instanceof MessageMovedOn) return;
      throw error;
    }
    const [image, ...moreImages] = images as [MessageImage, ...MessageImage[]];
    const stored = await transitionMessage(
      ctx,
      started.id,
      { type: 'image_stored', image, moreImages, usage: moreUsage, tookMs: Math.round(performance.now() - uploadStartedAt) },
      uploading ?? undefined,
    );
    if (!stored) {
      // Cancelled (or deleted) while the files were being written: they belong to nothing, so they go.
      await removeImages(ctx, started.id, images);
      return;
    }
  }
  await enqueueStage(ctx.queues, 'finalize', message);
}

function usageOf(generated: GeneratedImage, usage: NonNullable<GeneratedImage['usage']>): StageUsage {
  return { stage: 'generating', provider: generated.provider, model: generated.model, ...usage };
}

/** Cancelled or deleted since the stage began: no point making more variations. */
async function movedOn(ctx: PipelineContext, messageId: string): Promise<boolean> {
  const current = await ctx.store.findMessage(messageId);
  return !current || isFinal(current.status);
}

async function removeImages(ctx: PipelineContext, messageId: string, images: MessageImage[]): Promise<void> {
  for (const image of images) {
    await ctx.storage.remove(image.storageKey).catch((error: unknown) => {
      ctx.logger.warn({ err: error, messageId, imageId: image.id }, 'could not remove an image its message no longer wants');
    });
  }
}

/** Variation `index` (from 0) of the message's image. */
function makeImage(
  ctx: PipelineContext,
  message: MessageRecord,
  index: number,
  onGenerated: (image: GeneratedImage, tookMs: number) => Promise<void>,
): Promise<MessageImage> {
  const { options } = message;
  const prompt = message.refinedPrompt || message.content;
  const target = {
    userId: message.userId,
    // The first keeps the id it had before variations; each id keeps the message's time (UUIDv7).
    id: index === 0 ? derivedId('image', message.id) : derivedId(`image-${index}`, message.id),
    tags: [message.intent ?? 'generate', ctx.imageGenerator.provider],
    context: { session_id: message.sessionId, message_id: message.id },
    // Moderation flagged the prompt (refine stage): the image is nsfw whatever the provider says.
    nsfw: message.refinement?.nsfw === true,
    // Written into the file (image-service/parameters.ts): the user's words beside what was made of them.
    parameters: {
      prompt: message.content,
      refinedPrompt: message.refinedPrompt,
      negativePrompt: message.refinement?.negativePrompt,
      intent: message.intent,
    },
  };
  const seed = nthSeed(options.seed ?? seedFor(message.id), index);
  if (message.intent === 'edit' || message.intent === 'enhance') {
    return changeSource(ctx, message, async (source, bytes) => {
      // A change of an nsfw image is nsfw too.
      const changed = { ...target, nsfw: target.nsfw || source.nsfw === true };
      return message.intent === 'edit'
        ? editImage({ ctx, input: { ...changed, source: bytes, instruction: prompt, seed, format: options.format ?? source.format }, onGenerated })
        : enhanceImage({ ctx, input: { ...changed, source: bytes, instruction: prompt, seed: nthSeed(source.seed, index), format: options.format ?? source.format }, onGenerated });
    });
  }
  return generateImage({
    ctx,
    input: {
      ...target,
      prompt,
      caption: prompt,
      negativePrompt: message.refinement?.negativePrompt ?? '',
      width: options.width,
      height: options.height,
      aspectRatio: options.aspectRatio,
      seed,
      format: options.format ?? 'png',
    },
    onGenerated,
  });
}

/** The seed of variation `index`: the next seeds after the first, wrapping within the seed range. */
function nthSeed(seed: number, index: number): number {
  return (seed + index) % SEED_SPAN;
}

/** Load the image an edit or enhance works on and hand it to `change`; `no_source_image` when there is none. */
async function changeSource(
  ctx: PipelineContext,
  message: MessageRecord,
  change: (source: StoredImage, bytes: Buffer) => Promise<StoredImage>,
): Promise<MessageImage> {
  const source = await sourceImageOf(ctx, message);
  const noSource = (why: string) => new AppError('no_source_image', `${why}; describe a new image instead`);
  if (!source) throw noSource(`there is no earlier image in this session to ${message.intent}`);
  let bytes: Buffer;
  try {
    bytes = await loadStoredImage(ctx.storage, source);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw noSource(`the earlier image to ${message.intent} is gone`);
    throw error;
  }
  // The lineage: the gallery files it with the image it was made from (finalize-stage.ts).
  return { ...(await change(source, bytes)), parentImageId: source.id };
}

/** A stable 31-bit seed for a message that did not ask for one. */
function seedFor(messageId: string): number {
  return createHash('sha256').update(messageId).digest().readUInt32BE(0) & 0x7fffffff;
}
