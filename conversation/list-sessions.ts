import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ConversationContext } from './context.js';
import type { SessionRecord } from './message.js';

/** The user's sessions, newest first, a page at a time. */
export async function listSessions({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<SessionRecord>> {
  const beforeId = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  const rows = await ctx.store.listSessions({
    userId: input.userId,
    limit: input.limit + 1,
    ...(beforeId ? { beforeId } : {}),
  });
  return toPage(rows, input.limit, (session) => [session.id]);
}
