import { ValidationFailed } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';
import { getSession } from './get-session.js';

export type MessageOrder = 'oldest' | 'newest';

/**
 * A session's history a page at a time: oldest first (reading a conversation from its start), or
 * newest first (opening a long conversation at its end, then paging back). An unknown session is
 * a 404, not an empty list.
 */
export async function listMessages({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string; limit: number; cursor?: string | undefined; order?: MessageOrder | undefined };
}): Promise<Page<MessageRecord>> {
  const newestFirst = input.order === 'newest';
  const afterId = input.cursor === undefined ? undefined : cursorId(input.cursor, newestFirst);
  await getSession({ ctx, input });
  const rows = await ctx.store.listMessages({
    userId: input.userId,
    sessionId: input.sessionId,
    limit: input.limit + 1,
    newestFirst,
    ...(afterId ? { afterId } : {}),
  });
  // The oldest-first cursor is the bare id, as it always was; a newest-first one is tagged, so a
  // cursor cannot be carried over to the other order (it would page from the wrong end).
  return toPage(rows, input.limit, (message) => (newestFirst ? [NEWEST, message.id] : [message.id]));
}

const NEWEST = 'newest';

function cursorId(cursor: string, newestFirst: boolean): string {
  if (!newestFirst) return decodeCursor(cursor, ['uuid'])[0] as string;
  const [tag, id] = decodeCursor(cursor, ['tag', 'uuid']);
  if (tag !== NEWEST) throw new ValidationFailed('cursor is not one this API returned', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  return id as string;
}
