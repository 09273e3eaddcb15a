import { newId } from '../shared/ids.js';
import type { ConversationContext } from './context.js';
import type { SessionRecord } from './message.js';

/** Start a conversation for the user. */
export async function createSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; orgId: string; title?: string | undefined };
}): Promise<SessionRecord> {
  const now = new Date();
  const session: SessionRecord = {
    id: newId(),
    userId: input.userId,
    orgId: input.orgId,
    title: input.title ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.insertSession(session);
  return session;
}
