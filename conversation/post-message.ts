import { NotFound, ServiceUnavailable } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { REALTIME_EVENTS } from '../shared/realtime.js';
import type { ConversationContext } from './context.js';
import { pendingMessage, type MessageOptions, type MessageRecord } from './message.js';
import { enqueueStage } from './pipeline/queues.js';
import { toMessageWire } from './schemas.js';
import { failMessage } from './fail-message.js';

/**
 * Store a user's message as PENDING and start its pipeline. Everything that can be checked now
 * is (the session here, the image options by the route's schema), so a request that gets 202 only
 * fails later for reasons found later. If the queue cannot take the job the message is kept as FAILED, not lost.
 */
export async function postMessage({
  ctx,
  input,
}: {
  ctx: ConversationContext;
  input: { userId: string; sessionId: string; content: string; options?: MessageOptions | undefined };
}): Promise<MessageRecord> {
  // The sizes were checked by the route's ImageOptions schema (the image service's size rules).
  const options = input.options ?? {};

  // A plain read: the session's `updatedAt` is moved by the worker, off the request's path.
  if (!(await ctx.store.getSession(input.userId, input.sessionId))) throw new NotFound('session', input.sessionId);
  const now = new Date();
  const message = pendingMessage({
    id: newId(),
    sessionId: input.sessionId,
    userId: input.userId,
    content: input.content,
    options,
    at: now,
  });
  await ctx.store.insertMessage(message);
  // Emitted before the job exists, so subscribers see PENDING before anything a worker emits.
  ctx.realtime.toSession(message.sessionId, REALTIME_EVENTS.messageUpdated, toMessageWire(message));

  try {
    await enqueueStage(ctx.queues, 'prompt', { messageId: message.id, sessionId: message.sessionId, userId: message.userId });
  } catch (error) {
    ctx.logger.error({ err: error, messageId: message.id }, 'could not start the pipeline');
    await failMessage(
      ctx,
      message.id,
      { code: 'service_unavailable', message: 'the pipeline could not be started; post the message again', retryable: true },
      message,
    ).catch(() => undefined);
    throw new ServiceUnavailable('the pipeline is unavailable; the message was recorded as FAILED', error);
  }
  return message;
}
