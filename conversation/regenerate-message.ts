import { randomInt } from 'node:crypto';
import { Conflict, ServiceUnavailable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { outageMessage } from '../shared/outages.js';
import type { Lane } from '../shared/principal.js';
import type { ConversationContext } from './context.js';
import { failMessage, refundMessage } from './fail-message.js';
import { publishChange } from './follow-session.js';
import { getMessage } from './get-message.js';
import { pendingMessage, variationsOf, type MessageRecord } from './message.js';
import { enqueueStage } from './pipeline/queues.js';
import { stageDue } from './pipeline/turns.js';

/** The largest seed the image options take (2^31 - 1). */
const SEED_BOUND = 2 ** 31;

/**
 * Make another image for a finished image message: a new message, in the same session, with the
 * original's content, refined prompt and intent, and a new seed (the one given, else a random
 * one). It skips the prompt stage (no prompt-model call: the prompt was refined and checked by
 * moderation already) and starts at the image stage when it is its session's turn. An edit or
 * enhance works on the same image as the original did. It takes one unit of the image quota, as
 * any new image does.
 */
export async function regenerateMessage({
  ctx,
  input,
}: {
  ctx: ConversationContext;
  input: { userId: string; orgId: string; lane: Lane; sessionId: string; messageId: string; seed?: number | undefined };
}): Promise<MessageRecord> {
  const original = await getMessage({ ctx, input });
  if (original.status !== 'DONE' || original.intent === null || original.intent === 'chat' || original.refinedPrompt === null) {
    throw new Conflict(`message ${original.id} is not a finished image message; only one can be regenerated`);
  }
  if (!ctx.queues.isConnected()) throw new ServiceUnavailable(outageMessage('redis'), undefined, 'redis');
  const parent = original.image?.parentImageId;
  const message: MessageRecord = {
    ...pendingMessage({
      id: newId(),
      sessionId: original.sessionId,
      userId: input.userId,
      orgId: input.orgId,
      lane: input.lane,
      content: original.content,
      options: { ...original.options, seed: input.seed ?? randomInt(SEED_BOUND), ...(parent !== undefined && { sourceImageId: parent }) },
      at: new Date(),
    }),
    intent: original.intent,
    refinedPrompt: original.refinedPrompt,
    refinement: original.refinement,
  };
  await ctx.quota.charge({ userId: input.userId, orgId: input.orgId, chargeId: message.id, units: variationsOf(message) });
  try {
    await ctx.store.insertMessage(message);
  } catch (error) {
    await refundMessage(ctx, message.id);
    throw error;
  }
  publishChange(ctx, message);
  try {
    // As a posted message: it waits for its session's turn (see pipeline/turns.ts).
    if (await ctx.queues.turns.claim(message.sessionId, message.id)) await enqueueStage(ctx.queues, stageDue(message), message);
  } catch (error) {
    ctx.logger.error({ err: error, messageId: message.id }, 'could not start the pipeline');
    await failMessage(ctx, message.id, { code: 'service_unavailable', message: 'the pipeline could not be started; regenerate again', retryable: true }, message).catch(
      () => undefined,
    );
    await ctx.queues.turns.release(message.sessionId, message.id).catch(() => undefined);
    throw new ServiceUnavailable('the pipeline could not be started; regenerate again', error);
  }
  return message;
}
