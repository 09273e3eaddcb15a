import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import { resolveSize, storeGenerated, type GeneratedImage } from '../../image-service/index.js';
import { AppError } from '../../shared/errors.js';
import { derivedId } from '../../shared/ids.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal, type MessageImage, type MessageRecord } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';

/**
 * Stage 2: make the image (generate, or edit / enhance the session's latest image) and store it.
 * The seed and the stored file's id derive from the message id, so a retry makes the same image
 * and overwrites the same file instead of adding another.
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

    let startedAt = performance.now();
    const generated = await makeImage(ctx, started);
    const uploading = await transitionMessage(
      ctx,
      started.id,
      {
        type: 'image_generated',
        tookMs: Math.round(performance.now() - startedAt),
        ...(generated.usage
          ? { usage: { stage: 'generating' as const, provider: generated.provider, model: generated.model, ...generated.usage } }
          : {}),
      },
      started,
    );
    if (!uploading) return;

    startedAt = performance.now();
    const { imageId, key, ...stored } = await storeGenerated(
      ctx,
      {
        imageId: derivedId('image', uploading.id),
        userId: uploading.userId,
        tags: [uploading.intent ?? 'generate', generated.provider],
        context: { session_id: uploading.sessionId, message_id: uploading.id },
      },
      generated,
    );
    const image: MessageImage = { ...stored, id: imageId, storageKey: key };
    const done = await transitionMessage(
      ctx,
      uploading.id,
      { type: 'image_stored', image, tookMs: Math.round(performance.now() - startedAt) },
      uploading,
    );
    if (!done) return;
  }
  await enqueueStage(ctx.queues, 'finalize', job.data);
}

async function makeImage(ctx: PipelineContext, message: MessageRecord): Promise<GeneratedImage> {
  const options = message.options;
  const seed = options.seed ?? seedFor(message.id);
  const prompt = message.refinedPrompt || message.content;

  if (message.intent === 'edit' || message.intent === 'enhance') {
    const previous = await ctx.store.latestImage({ sessionId: message.sessionId, beforeId: message.id });
    if (!previous) {
      throw new AppError(
        'no_source_image',
        `there is no earlier image in this session to ${message.intent}; describe a new image instead`,
      );
    }
    const source = await ctx.storage.get({ key: previous.storageKey, url: previous.url });
    const format = options.format ?? previous.format;
    return message.intent === 'edit'
      ? ctx.imageGenerator.edit({ source, instruction: prompt, seed, format })
      : ctx.imageGenerator.enhance({ source, instruction: prompt, format });
  }

  const { width, height } = resolveSize(options);
  return ctx.imageGenerator.generate({
    prompt,
    caption: prompt,
    negativePrompt: message.refinement?.negativePrompt ?? '',
    width,
    height,
    seed,
    format: options.format ?? 'png',
    ...(options.aspectRatio ? { aspectRatio: options.aspectRatio } : {}),
  });
}

/** A stable 31-bit seed for a message that did not ask for one. */
function seedFor(messageId: string): number {
  return createHash('sha256').update(messageId).digest().readUInt32BE(0) & 0x7fffffff;
}
