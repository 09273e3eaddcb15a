import type { Job } from 'bullmq';
import { saveImage, storedImageFields } from '../../gallery/index.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal, type MessageRecord } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { endTurn } from './turns.js';

/**
 * Stage 3: file the image in the user's gallery (under the image's own id) and mark the message
 * DONE; a chat reply is simply marked DONE. Then the session's next message gets its turn.
 * Filing is keyed by message id, so running this twice files one image.
 */
export async function finalizeStage(ctx: PipelineContext, job: Job<StageJob>): Promise<void> {
  const message = await ctx.store.findMessage(job.data.messageId);
  if (!message) return;
  if (!isFinal(message.status)) await finalize(ctx, job, message);
  // Also when it was final already: a crash may have come between finishing and handing on.
  await endTurn(ctx, message);
}

async function finalize(ctx: PipelineContext, job: Job<StageJob>, message: MessageRecord): Promise<void> {
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
  await saveImage({
    ctx: ctx.gallery,
    input: {
      ...storedImageFields(image),
      userId: saving.userId,
      orgId: saving.orgId,
      sessionId: saving.sessionId,
      messageId: saving.id,
      parentImageId: image.parentImageId ?? null,
      prompt: saving.content,
      refinedPrompt: saving.refinedPrompt,
      intent: saving.intent,
      negativePrompt: saving.refinement?.negativePrompt ?? null,
      // What made it, kept with the image: the message may be deleted with its session, the image stays.
      // `saving` is not timed yet (the row is written while it runs); the message's own timings have it.
      usage: saving.usage,
      timings: saving.timings,
    },
  });
  await transitionMessage(ctx, saving.id, { type: 'completed', tookMs: Math.round(performance.now() - startedAt) }, saving);
}
