import { NotFound } from '../shared/errors.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';

/** One message of one of the user's sessions (the poll). */
export async function getMessage({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string; messageId: string };
}): Promise<MessageRecord> {
  const message = await ctx.store.getMessage(input.userId, input.sessionId, input.messageId);
  if (!message) throw new NotFound('message', input.messageId);
  return message;
}
