import { NotFound } from '../shared/errors.js';
import type { ConversationContext } from './context.js';

/** What happens to a deleted session's gallery images: moved to the trash (the default), or kept. */
export const SESSION_IMAGES_ON_DELETE = ['trash', 'keep'] as const;
export type SessionImagesOnDelete = (typeof SESSION_IMAGES_ON_DELETE)[number];

/**
 * Delete a session and its messages. Its gallery images go to the gallery's trash (`trash`,
 * restorable from there) or stay in the gallery (`keep`): they belong to the user, so they are
 * never deleted for good with the conversation. A message still in the pipeline stops at its next
 * step.
 *
 * The session is checked first, so another user's session id trashes nothing; the images go
 * before the session, so a failure in between leaves a session the user can delete again.
 */
export async function deleteSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'trashSessionImages'>;
  input: { userId: string; sessionId: string; images?: SessionImagesOnDelete | undefined };
}): Promise<void> {
  const session = await ctx.store.getSession(input.userId, input.sessionId);
  if (!session) throw new NotFound('session', input.sessionId);
  if ((input.images ?? 'trash') === 'trash') {
    await ctx.trashSessionImages({ userId: input.userId, sessionId: session.id });
  }
  const deleted = await ctx.store.deleteSession(input.userId, session.id);
  if (!deleted) throw new NotFound('session', input.sessionId);
}
