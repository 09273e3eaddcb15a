import type { Redis } from 'ioredis';
import type { PipelineStage } from '../../shared/queues.js';
import type { MessageRecord } from '../message.js';
import type { PipelineContext } from './context.js';
import { enqueueStage } from './queues.js';

/**
 * A conversation is a sequence: a session's messages are carried out one at a time, in the order
 * they were posted, so "enhance it" sent right after "make it black and white" works on the
 * black-and-white image. The message being carried out holds its session's *turn*; the others
 * wait, PENDING and `queued`. Sessions do not wait for each other.
 *
 * The turn is a Redis key beside the session's jobs (`{prefix}:turn:{sessionId}` = the holder's
 * message id), taken with `SET NX`: one atomic step, across workers and processes, and no write
 * to the database on the accept path. It is taken only after the message is stored, and whoever
 * ends a message hands the turn back before looking for the next one, so a message posted as
 * another finishes is never forgotten: either the finisher sees it stored, or it sees the turn
 * free. A poster that finds the turn free still gives it to the first message in line (it may be
 * another, posted earlier and waiting for a finisher that has handed back but not yet looked), so
 * no message jumps the line. Should Redis lose the key (a restart without persistence), the recovery sweep hands the
 * turn to the next message in line, read from the conversation store.
 */
export interface SessionTurns {
  /** Take the session's turn for `messageId`, if nobody holds it; true when `messageId` holds it after. */
  claim(sessionId: string, messageId: string): Promise<boolean>;
  /** Hand the turn back, if `messageId` holds it. */
  release(sessionId: string, messageId: string): Promise<void>;
  /** Who holds the session's turn (possibly a message that has finished since), or null. */
  holder(sessionId: string): Promise<string | null>;
}

/** How long a turn outlives a holder that never hands it back (a lost key is recovered sooner). */
const TURN_TTL_SECONDS = 7 * 24 * 3600;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function createSessionTurns(redis: Redis, prefix: string): SessionTurns {
  const key = (sessionId: string) => `${prefix}:turn:${sessionId.toLowerCase()}`;
  return {
    async claim(sessionId, messageId) {
      const id = messageId.toLowerCase();
      const taken = await redis.set(key(sessionId), id, 'EX', TURN_TTL_SECONDS, 'NX');
      return taken === 'OK' || (await redis.get(key(sessionId))) === id;
    },
    async release(sessionId, messageId) {
      await redis.eval(RELEASE, 1, key(sessionId), messageId.toLowerCase());
    },
    holder: (sessionId) => redis.get(key(sessionId)),
  };
}

/**
 * Give the session's turn to its next message, when the turn is free, and start that message.
 * Returns it, or null when nothing was started.
 */
export async function startNextTurn(
  ctx: Pick<PipelineContext, 'store' | 'queues'>,
  sessionId: string,
): Promise<MessageRecord | null> {
  const next = await claimNextTurn(ctx, sessionId);
  if (next) await enqueueStage(ctx.queues, stageDue(next), next);
  return next;
}

/**
 * A message was just stored: take its session's turn if it is free. The turn goes to the first
 * message in line, which may be another, posted earlier and waiting for a finisher that has handed
 * the turn back but not yet looked for the next: that one is started, and this one waits. True
 * when `message` holds the turn (the caller starts it).
 */
export async function claimTurnOnPost(
  ctx: Pick<PipelineContext, 'store' | 'queues'>,
  message: Pick<MessageRecord, 'id' | 'sessionId'>,
): Promise<boolean> {
  if (!(await ctx.queues.turns.claim(message.sessionId, message.id))) return false;
  const first = await ctx.store.nextInLine(message.sessionId);
  if (!first || first.id === message.id) return true;
  await ctx.queues.turns.release(message.sessionId, message.id);
  await startNextTurn(ctx, message.sessionId);
  return false;
}

/** A message is final: hand its session's turn back and start the session's next message. */
export async function endTurn(
  ctx: Pick<PipelineContext, 'store' | 'queues'>,
  message: Pick<MessageRecord, 'id' | 'sessionId'>,
): Promise<MessageRecord | null> {
  await ctx.queues.turns.release(message.sessionId, message.id);
  return startNextTurn(ctx, message.sessionId);
}

/** Give the session's turn to its next message, when the turn is free; that message, or null. */
export async function claimNextTurn(ctx: Pick<PipelineContext, 'store' | 'queues'>, sessionId: string): Promise<MessageRecord | null> {
  const next = await ctx.store.nextInLine(sessionId);
  if (!next) return null;
  return (await ctx.queues.turns.claim(sessionId, next.id)) ? next : null;
}

/** The stage a message is waiting for, read from what it already has. */
export function stageDue(message: MessageRecord): PipelineStage {
  if (message.intent === null) return 'prompt';
  if (message.intent === 'chat' || message.image !== null) return 'finalize';
  return 'image';
}
