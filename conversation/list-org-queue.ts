import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ConversationContext } from './context.js';
import type { MessageRecord } from './message.js';

/**
 * An organisation's queue: its members' messages that are waiting or running, oldest first (the
 * order they were posted), each with its lane. Read from the conversation store, which knows
 * every unfinished message, including those waiting for their session's turn that have no job yet.
 */
export async function listOrgQueue({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { orgId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<MessageRecord>> {
  const afterId = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  const rows = await ctx.store.listOrgUnfinished({ orgId: input.orgId, limit: input.limit + 1, ...(afterId ? { afterId } : {}) });
  return toPage(rows, input.limit, (message) => [message.id]);
}
