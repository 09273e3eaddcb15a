import { decodeJwt, type JWTPayload } from 'jose';
import { Unauthenticated } from '../shared/errors.js';
import type { Principal, UserRole } from '../shared/principal.js';
import { ATELIER_ISSUER, verifyAccessToken } from './access-tokens.js';
import type { IdentityContext } from './context.js';
import { API_KEY_PREFIX, hashToken } from './opaque-tokens.js';
import { findLiveApiKey } from './repository.js';
import { userOfProvider } from './user-of-provider.js';

/**
 * Who a bearer credential is: an API key (`atl_…`, looked up on every request, so a revoked key
 * stops at once on every gateway), one of Atelier's access tokens, or a token from the configured
 * identity provider (its user made on first sight). Anything else is `unauthenticated`.
 */
export async function authenticate({ ctx, input }: { ctx: IdentityContext; input: { token: string } }): Promise<Principal> {
  const { token } = input;
  if (token.startsWith(API_KEY_PREFIX)) return principalOfApiKey(ctx, token);
  const verified = ctx.verifiedTokens.get(token);
  if (verified && verified.expiresAtMs > Date.now()) return verified.principal;

  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new Unauthenticated('the credential was refused: it is neither an API key nor a token');
  }
  if (claims.iss === ATELIER_ISSUER) {
    const principal = await verifyAccessToken(ctx.signingKey, token);
    remember(ctx.verifiedTokens, token, principal, (claims.exp ?? 0) * 1000);
    return principal;
  }
  if (!ctx.providerTokens) throw new Unauthenticated('the token was refused: it was not issued by this Atelier');
  const identity = await ctx.providerTokens.verify(token);
  const user = await userOfProvider(ctx, identity);
  return { userId: user.id, orgId: user.orgId, role: identity.role, lane: user.priority, via: 'provider_token' };
}

async function principalOfApiKey(ctx: IdentityContext, token: string): Promise<Principal> {
  const found = await findLiveApiKey(ctx.db, hashToken(token));
  if (!found) throw new Unauthenticated('the API key was refused: it is unknown or was revoked');
  const { key, user } = found;
  return {
    userId: user.id,
    orgId: user.orgId,
    // A key never does more than its maker may do now (an admin made a user again keeps no admin key).
    role: lowerRole(key.role, user.role),
    lane: key.priority ?? user.priority,
    via: 'api_key',
    apiKeyId: key.id,
  };
}

/** Most tokens kept: past it the oldest go first (a Map iterates in insertion order). */
const VERIFIED_LIMIT = 10_000;

function remember(cache: IdentityContext['verifiedTokens'], token: string, principal: Principal, expiresAtMs: number): void {
  if (cache.size >= VERIFIED_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(token, { principal, expiresAtMs });
}

function lowerRole(a: UserRole, b: UserRole): UserRole {
  return a === 'admin' && b === 'admin' ? 'admin' : 'user';
}
