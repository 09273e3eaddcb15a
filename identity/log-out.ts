import { eq } from 'drizzle-orm';
import type { IdentityContext } from './context.js';
import { hashToken } from './opaque-tokens.js';
import { revokeFamily } from './refresh-session.js';
import { refreshTokens } from './schema/index.js';

/**
 * Sign out: the refresh token's family (this sign-in on this device) is revoked. An unknown
 * token is not an error: the answer is the same, so it tells nothing about tokens.
 */
export async function logOut({ ctx, input }: { ctx: IdentityContext; input: { refreshToken: string } }): Promise<void> {
  const [known] = await ctx.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashToken(input.refreshToken)));
  if (known) await revokeFamily(ctx, known.familyId);
}
