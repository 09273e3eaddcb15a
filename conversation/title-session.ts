import { titleFor } from '../prompt-service/index.js';
import type { ConversationContext } from './context.js';

/**
 * Title the user's session from one of its messages, only while it has no title: a title the
 * user gave (at creation or by renaming) is never replaced, and a session is titled once. The
 * title comes from the prompt service (`titleFor`: the subject of the prompt, deterministic).
 * Returns whether the session was titled.
 */
export async function titleSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store'>;
  input: { userId: string; sessionId: string; content: string };
}): Promise<boolean> {
  return ctx.store.titleUntitledSession({ userId: input.userId, sessionId: input.sessionId, title: titleFor(input.content) });
}
