import type { Job } from 'bullmq';
import { saveImage } from '../../gallery/index.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';

/**
 * Stage 3: file the image in the user's gallery and mark the message DONE; a chat reply is
 * simply marked DONE. Filing is keyed by message id, so running this twice files one image.
 */
export async function finalizeStage(ctx: PipelineContext, job: Job<StageJob>): Promise<void> {
  const message = await ctx.store.findMessage(job.data.messageId);
  if (!message || isFinal(message.status)) return;

  if (message.intent === 'chat') {
    await transitionMessage(ctx, message.id, { type: 'completed' }, message);
    return;
  }
  const image = message.image;
  if (!image) throw new Error(`message ${message.id} reached finalize without an image`);

  const saving = await transitionMessage(
    ctx,
    message.id,
    { type: 'stage_started', stage: 'saving', attempt: job.attemptsMade + 1 },
    message,
  );
  if (!saving) return;
  const startedAt = performance.now();
  const { image: filed } = await saveImage({
    ctx: ctx.gallery,
    input: {
      userId: saving.userId,
      sessionId: saving.sessionId,
      messageId: saving.id,
      prompt: saving.content,
      refinedPrompt: saving.refinedPrompt,
      intent: saving.intent,
      provider: image.provider,
      model: image.model,
      seed: image.seed,
      width: image.width,
      height: image.height,
      format: image.format,
      bytes: image.bytes,
      url: image.url,
      thumbnailUrl: image.thumbnailUrl,
      storage: image.storage,
      storageKey: image.storageKey,
      metadata: { negative_prompt: saving.refinement?.negativePrompt ?? null },
    },
  });
  await transitionMessage(
    ctx,
    saving.id,
    { type: 'completed', tookMs: Math.round(performance.now() - startedAt), galleryImageId: filed.id },
    saving,
  );
}
