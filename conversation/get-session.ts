import { NotFound } from '../shared/errors.js';
import type { ConversationContext } from './context.js';
import type { SessionRecord } from './message.js';

/** One of the user's sessions; another user's session is not found, exactly like a missing one. */
export async function getSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string };
}): Promise<SessionRecord> {
  const session = await ctx.store.getSession(input.userId, input.sessionId);
  if (!session) throw new NotFound('session', input.sessionId);
  return session;
}
