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
 * Posting a message claims the turn for it when the session is idle; whoever ends a message
 * (finalize, a failure) hands the turn on with {@link endTurn}. A turn left with a finished
 * holder (a crash between the two) is handed on by the recovery sweep.
 */
export async function startNextTurn(
  ctx: Pick<PipelineContext, 'store' | 'queues'>,
  sessionId: string,
): Promise<MessageRecord | null> {
  const next = await claimNextTurn(ctx, sessionId);
  if (next) await enqueueStage(ctx.queues, stageDue(next), next.id);
  return next;
}

/** A message is final: hand its session's turn back and start the session's next message. */
export async function endTurn(
  ctx: Pick<PipelineContext, 'store' | 'queues'>,
  message: Pick<MessageRecord, 'id' | 'sessionId'>,
): Promise<MessageRecord | null> {
  await ctx.store.releaseTurn(message.sessionId, message.id);
  return startNextTurn(ctx, message.sessionId);
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
