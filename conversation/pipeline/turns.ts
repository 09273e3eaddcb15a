import type { PipelineStage } from '../../shared/queues.js';
import type { MessageRecord } from '../message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';

/**
 * A conversation is a sequence: a session's messages are carried out one at a time, in the order
 * they were posted, so "enhance it" sent right after "make it black and white" works on the
 * black-and-white image. The message carried out holds its session's turn (one atomic claim in
 * the store, so this holds across workers and processes); the others wait, PENDING and `queued`.
 * Sessions do not wait for each other.
 *
 * Whoever ends a message (finalize, a failure, recovery) calls {@link startNextTurn}; posting a
 * message claims the turn for it when the session is idle. A turn whose holder finished without
 * handing it on (a crash in between) is free: the next claim takes it.
 */
export async function startNextTurn(
  ctx: Pick<PipelineContext, 'store' | 'queues'>,
  sessionId: string,
): Promise<MessageRecord | null> {
  const next = await claimNextTurn(ctx, sessionId);
  if (next) await enqueueStage(ctx.queues, stageDue(next), next.id);
  return next;
}

/** Give the session's turn to its next message, when the turn is free; that message, or null. */
export async function claimNextTurn(ctx: Pick<PipelineContext, 'store'>, sessionId: string): Promise<MessageRecord | null> {
  const next = await ctx.store.nextInLine(sessionId);
  if (!next) return null;
  return (await ctx.store.claimTurn(sessionId, next.id)) ? next : null;
}

/** The stage a message is waiting for, read from what it already has. */
export function stageDue(message: MessageRecord): PipelineStage {
  if (message.intent === null) return 'prompt';
  if (message.intent === 'chat' || message.image !== null) return 'finalize';
  return 'image';
}
