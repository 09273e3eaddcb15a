import type { Job } from 'bullmq';
import { MAX_HISTORY_TURNS, refinePrompt, type HistoryTurn } from '../../prompt-service/index.js';
import type { StageJob } from '../../shared/queues.js';
import { isFinal, type MessageRecord } from '../message.js';
import { transitionMessage } from '../transition-message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';
import { sourceImageOf } from './source-image.js';

/**
 * Stage 1: refine the prompt and detect the intent through the prompt service's `refinePrompt`,
 * with the session's earlier turns (finished: see turns.ts) as context. Then hand over to the
 * image stage, or straight to finalize for a chat reply. A message that already has its intent
 * (a retried or duplicated job) is not refined twice.
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
    const refinement = await refinePrompt({
      ctx,
      input: { prompt: started.content, context: { history: history.map(toTurn), hasPreviousImage: source !== null } },
    });
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
  await enqueueStage(ctx.queues, message.intent === 'chat' ? 'finalize' : 'image', message.id);
}

function toTurn(message: MessageRecord): HistoryTurn {
  return {
    content: message.content,
    intent: message.intent,
    refinedPrompt: message.refinedPrompt,
    hasImage: message.status === 'DONE' && message.image !== null,
  };
}
