import { NotFound } from '../shared/errors.js';
import type { ConversationContext } from './context.js';
import type { SessionRecord } from './message.js';

/** Rename one of the user's sessions; another user's session is not found, like a missing one. */
export async function renameSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string; title: string };
}): Promise<SessionRecord> {
  const session = await ctx.store.renameSession({ ...input, at: new Date() });
  if (!session) throw new NotFound('session', input.sessionId);
  return session;
}
