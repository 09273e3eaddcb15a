import { and, eq, gt, isNull } from 'drizzle-orm';
import { Unauthenticated } from '../shared/errors.js';
import type { IdentityContext } from './context.js';
import { issueTokens, type IssuedTokens } from './issue-tokens.js';
import { hashToken } from './opaque-tokens.js';
import { findUser } from './repository.js';
import { refreshTokens, type UserRow } from './schema/index.js';

/**
 * Exchange a refresh token for a new pair (rotation). The token is used up in the same statement
 * that checks it, so of two exchanges racing with one token only one wins. A token that was used
 * already is a stolen copy, or the thief's: its whole family is revoked and both must sign in again.
 */
export async function refreshSession({
  ctx,
  input,
}: {
  ctx: IdentityContext;
  input: { refreshToken: string };
}): Promise<{ user: UserRow; tokens: IssuedTokens }> {
  const tokenHash = hashToken(input.refreshToken);
  const now = new Date();
  // Used up and replaced in one transaction: a racing exchange of the same token waits on the
  // row until the replacement exists, so the family it then revokes includes the replacement.
  const exchanged = await ctx.db.transaction(async (tx) => {
    const [used] = await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt), gt(refreshTokens.expiresAt, now)))
      .returning();
    const user = used && (await findUser(tx, used.userId));
    if (!used || !user) return undefined;
    return { user, tokens: await issueTokens(ctx, user, used.familyId, tx) };
  });
  if (exchanged) return exchanged;

  const [known] = await ctx.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  if (known?.usedAt && !known.revokedAt) {
    await revokeFamily(ctx, known.familyId);
    ctx.logger.warn({ userId: known.userId, familyId: known.familyId }, 'a used refresh token was presented again: its family is revoked');
  }
  throw new Unauthenticated('the refresh token is not valid: sign in again');
}

export async function revokeFamily(ctx: IdentityContext, familyId: string): Promise<void> {
  await ctx.db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}
