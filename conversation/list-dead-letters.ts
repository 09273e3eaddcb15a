import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';

/**
 * Dead letters: the messages that failed for good, newest first, a page at a time. They are the
 * FAILED messages themselves, read from the conversation store, so none is lost with Redis and
 * each can be retried from where it stopped (retry-dead-letter.ts). For an organisation's
 * admins: only the organisation's own messages.
 */
export async function listDeadLetters({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { orgId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<MessageRecord>> {
  const beforeId = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  const rows = await ctx.store.listFailed({ orgId: input.orgId, limit: input.limit + 1, ...(beforeId ? { beforeId } : {}) });
  return toPage(rows, input.limit, (message) => [message.id]);
}
