import type { Database } from '../shared/connections/postgres.js';
import { newId } from '../shared/ids.js';
import { mintAccessToken } from './access-tokens.js';
import type { IdentityContext } from './context.js';
import { REFRESH_TOKEN_PREFIX, hashToken, newOpaqueToken } from './opaque-tokens.js';
import { refreshTokens, type UserRow } from './schema/index.js';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/**
 * A new access token and refresh token for a user. `familyId` continues a sign-in's family (a
 * refresh); without it a new sign-in starts one. `db`: the transaction to store it in, if any.
 */
export async function issueTokens(ctx: IdentityContext, user: UserRow, familyId: string = newId(), db: Database = ctx.db): Promise<IssuedTokens> {
  const refreshToken = newOpaqueToken(REFRESH_TOKEN_PREFIX);
  await db.insert(refreshTokens).values({
    id: newId(),
    familyId,
    userId: user.id,
    tokenHash: hashToken(refreshToken),
    expiresAt: new Date(Date.now() + ctx.config.refreshTtlSeconds * 1000),
  });
  const accessToken = await mintAccessToken(
    ctx.signingKey,
    { userId: user.id, orgId: user.orgId, role: user.role, lane: user.priority },
    ctx.config.accessTtlSeconds,
  );
  return { accessToken, refreshToken, expiresIn: ctx.config.accessTtlSeconds };
}
