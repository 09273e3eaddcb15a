import { NotFound } from '../shared/errors.js';
import type { ConversationContext } from './context.js';

/**
 * Delete a session and its messages. Its images stay in the gallery: they belong to the user,
 * not to the conversation. A message still in the pipeline stops at its next step.
 */
export async function deleteSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string };
}): Promise<void> {
  const deleted = await ctx.store.deleteSession(input.userId, input.sessionId);
  if (!deleted) throw new NotFound('session', input.sessionId);
}
