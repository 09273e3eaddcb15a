import type { Job } from 'bullmq';
import { saveImage, storedImageFields } from '../../gallery/index.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal, type MessageRecord, type StageUsage } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { endTurn } from './turns.js';

/**
 * Stage 3: file the image (each variation) in the user's gallery, under the image's own id, and
 * mark the message DONE; a chat reply is simply marked DONE. Then the session's next message gets
 * its turn. Filing is keyed by message id and variation, so running this twice files each once.
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
  if (!message.image) throw new Error(`message ${message.id} reached finalize without an image`);
  const saving = await transitionMessage(
    ctx,
    message.id,
    { type: 'stage_started', stage: 'saving', attempt: job.attemptsMade + 1 },
    message,
  );
  if (!saving) return;
  const startedAt = performance.now();
  // One row per variation, each keyed by (message, variation): a second run files none twice.
  const images = [saving.image, ...saving.moreImages];
  for (const [variation, image] of images.entries()) {
    if (!image) continue;
    await saveImage({
      ctx: ctx.gallery,
      input: {
        ...storedImageFields(image),
        userId: saving.userId,
        orgId: saving.orgId,
        sessionId: saving.sessionId,
        messageId: saving.id,
        variation,
        parentImageId: image.parentImageId ?? null,
        prompt: saving.content,
        refinedPrompt: saving.refinedPrompt,
        intent: saving.intent,
        negativePrompt: saving.refinement?.negativePrompt ?? null,
        // What made it, kept with the image: the message may be deleted with its session, the image stays.
        // `saving` is not timed yet (the row is written while it runs); the message's own timings have it.
        usage: usageOfVariation(saving, variation, images.length),
        timings: saving.timings,
      },
    });
  }
  await transitionMessage(ctx, saving.id, { type: 'completed', tookMs: Math.round(performance.now() - startedAt) }, saving);
}

/**
 * What one variation's row keeps of the message's usage: its own image call (the image stage
 * records them in order, one a variation), and on the first row the calls they share (refining),
 * so the rows of a message add up to the message. With one image, all of it.
 */
function usageOfVariation(message: MessageRecord, variation: number, count: number): StageUsage[] {
  if (count === 1) return message.usage;
  const imageCalls = message.usage.filter((usage) => usage.stage === 'generating');
  const shared = variation === 0 ? message.usage.filter((usage) => usage.stage !== 'generating') : [];
  const own = imageCalls.length === count ? imageCalls[variation] : undefined;
  return own ? [...shared, own] : shared;
}
