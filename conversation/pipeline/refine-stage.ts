import type { Job } from 'bullmq';
import { MAX_HISTORY_TURNS, moderatePrompt, refinePrompt, type HistoryTurn } from '../../prompt-service/index.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal, type MessageRecord } from '../message.js';
import { titleSession } from '../title-session.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';
import { sourceImageOf } from './source-image.js';

/**
 * Stage 1: check the prompt (`moderatePrompt`: a refused one ends FAILED `safety_blocked` before
 * any provider call), refine it and detect the intent through the prompt service's
 * `refinePrompt`, with the session's earlier turns (finished: see turns.ts) as context, then check
 * the refined prompt with the provider's ratings. The first message refined in an untitled
 * session gives it its title (`titleSession`), once the typed prompt has passed moderation. Then hand over to the image stage, or straight
 * to finalize for a chat reply. A message that already has its intent (a retried or duplicated
 * job) is not refined twice; a flagged one keeps `refinement.nsfw` for the image it leads to.
 */
export async function refineStage(ctx: PipelineContext, job: Job<StageJob>): Promise<void> {
  let message = await ctx.store.findMessage(job.data.messageId);
  if (!message || isFinal(message.status)) return;
  if (message.intent === null) {
    const started = await transitionMessage(
      ctx,
      message.id,
      { type: 'stage_started', stage: 'refining', attempt: job.attemptsMade + 1 },
      message,
    );
    if (!started) return;
    const [history, source] = await Promise.all([
      ctx.store.recentMessages({ sessionId: started.sessionId, beforeId: started.id, limit: MAX_HISTORY_TURNS }),
      sourceImageOf(ctx, started),
      // The session changed when this message was posted; done here to keep that write off the POST.
      ctx.store.touchSession(started.userId, started.sessionId, started.createdAt),
    ]);
    const startedAt = performance.now();
    const typed = await moderatePrompt({ ctx, input: { prompt: started.content } });
    // The first message refined titles an untitled session (an earlier one refined already did).
    if (!history.some((earlier) => earlier.intent !== null)) {
      await titleSession({ ctx, input: { userId: started.userId, sessionId: started.sessionId, content: started.content } });
    }
    const refinement = await refinePrompt({
      ctx,
      input: { prompt: started.content, context: { history: history.map(toTurn), hasPreviousImage: source !== null } },
    });
    const refined = await moderatePrompt({ ctx, input: { prompt: refinement.refinedPrompt, providerSafety: refinement.safety } });
    const nsfw = typed.nsfw || refined.nsfw;
    message = await transitionMessage(
      ctx,
      started.id,
      {
        type: 'refined',
        intent: refinement.intent,
        refinedPrompt: refinement.refinedPrompt,
        reply: refinement.reply,
        refinement: {
          negativePrompt: refinement.negativePrompt,
          confidence: refinement.confidence,
          provider: refinement.provider,
          model: refinement.model,
          cached: refinement.cached ?? false,
          ...(nsfw && { nsfw }),
        },
        ...(refinement.usage && {
          usage: { stage: 'refining' as const, provider: refinement.provider, model: refinement.model, ...refinement.usage },
        }),
        tookMs: Math.round(performance.now() - startedAt),
      },
      started,
    );
    if (!message) return;
  }
  await enqueueStage(ctx.queues, message.intent === 'chat' ? 'finalize' : 'image', message);
}

function toTurn(message: MessageRecord): HistoryTurn {
  return {
    content: message.content,
    intent: message.intent,
    refinedPrompt: message.refinedPrompt,
    hasImage: message.status === 'DONE' && message.image !== null,
  };
}
