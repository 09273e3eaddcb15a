import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';
import { getSession } from './get-session.js';

/** A session's history, oldest first, a page at a time. An unknown session is a 404, not an empty list. */
export async function listMessages({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<MessageRecord>> {
  const afterId = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  await getSession({ ctx, input });
  const rows = await ctx.store.listMessages({
    userId: input.userId,
    sessionId: input.sessionId,
    limit: input.limit + 1,
    ...(afterId ? { afterId } : {}),
  });
  return toPage(rows, input.limit, (message) => [message.id]);
}
