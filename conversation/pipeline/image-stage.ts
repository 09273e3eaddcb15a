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
import { isFinal, type MessageImage, type MessageRecord } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';
import { sourceImageOf } from './source-image.js';

/** The message moved on (cancelled, deleted) while its image was being made: store nothing. */
class MessageMovedOn extends Error {}

/**
 * Stage 2: make the image through the image service's use cases (`generateImage`, or `editImage`
 * / `enhanceImage` of the session's latest image still in the gallery), which also store it. The
 * image's id and seed derive from the message id, so a retry makes the same image and overwrites
 * the same file; the gallery files it under that same id.
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
    const onGenerated = async (generated: GeneratedImage, tookMs: number) => {
      uploading = await transitionMessage(
        ctx,
        started.id,
        {
          type: 'image_generated',
          tookMs,
          ...(generated.usage && {
            usage: { stage: 'generating' as const, provider: generated.provider, model: generated.model, ...generated.usage },
          }),
        },
        started,
      );
      if (!uploading) throw new MessageMovedOn();
      uploadStartedAt = performance.now();
    };
    let image: MessageImage;
    try {
      image = await makeImage(ctx, started, onGenerated);
    } catch (error) {
      if (error instanceof MessageMovedOn) return;
      throw error;
    }
    const stored = await transitionMessage(
      ctx,
      started.id,
      { type: 'image_stored', image, tookMs: Math.round(performance.now() - uploadStartedAt) },
      uploading ?? undefined,
    );
    if (!stored) {
      // Cancelled (or deleted) while the file was being written: it belongs to nothing, so it goes.
      await ctx.storage.remove(image.storageKey).catch((error: unknown) => {
        ctx.logger.warn({ err: error, messageId: started.id }, 'could not remove the image of a message that moved on');
      });
      return;
    }
  }
  await enqueueStage(ctx.queues, 'finalize', message);
}

function makeImage(
  ctx: PipelineContext,
  message: MessageRecord,
  onGenerated: (image: GeneratedImage, tookMs: number) => Promise<void>,
): Promise<MessageImage> {
  const { options } = message;
  const prompt = message.refinedPrompt || message.content;
  const target = {
    userId: message.userId,
    id: derivedId('image', message.id),
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
  const seed = options.seed ?? seedFor(message.id);
  if (message.intent === 'edit' || message.intent === 'enhance') {
    return changeSource(ctx, message, async (source, bytes) => {
      // A change of an nsfw image is nsfw too.
      const changed = { ...target, nsfw: target.nsfw || source.nsfw === true };
      return message.intent === 'edit'
        ? editImage({ ctx, input: { ...changed, source: bytes, instruction: prompt, seed, format: options.format ?? source.format }, onGenerated })
        : enhanceImage({ ctx, input: { ...changed, source: bytes, instruction: prompt, seed: source.seed, format: options.format ?? source.format }, onGenerated });
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
