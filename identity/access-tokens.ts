import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { Unauthenticated } from '../shared/errors.js';
import { LANES, USER_ROLES, type Lane, type Principal, type UserRole } from '../shared/principal.js';

/**
 * Atelier's own access tokens: short-lived HS256 JWTs signed with the instance's key. Checking
 * one needs no database: the claims carry the user, organisation, role and lane. So a change of
 * role or lane, or a logout, reaches an access token when it expires (AUTH_ACCESS_TTL_S).
 */

/** The `iss` and `aud` of Atelier's own tokens: a provider's token never passes for one. */
export const ATELIER_ISSUER = 'atelier';
const AUDIENCE = 'atelier-api';

export interface AccessTokenClaims {
  userId: string;
  orgId: string;
  role: UserRole;
  lane: Lane;
}

export async function mintAccessToken(key: Uint8Array, claims: AccessTokenClaims, ttlSeconds: number): Promise<string> {
  return new SignJWT({ org: claims.orgId, role: claims.role, lane: claims.lane })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ATELIER_ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export async function verifyAccessToken(key: Uint8Array, token: string): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ATELIER_ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const { sub, org, role, lane } = payload;
    if (typeof sub !== 'string' || typeof org !== 'string' || !isOneOf(USER_ROLES, role) || !isOneOf(LANES, lane)) {
      throw new Unauthenticated('the access token lacks its claims');
    }
    return { userId: sub, orgId: org, role, lane, via: 'access_token' };
  } catch (error) {
    throw refusal(error);
  }
}

/** jose's reasons, as a sentence a client can act on (never the token or the key). */
export function refusal(error: unknown): Unauthenticated {
  if (error instanceof Unauthenticated) return error;
  if (error instanceof joseErrors.JWTExpired) return new Unauthenticated('the token has expired: refresh it or sign in again');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return new Unauthenticated(`the token was refused: its "${error.claim}" claim is not valid here`);
  return new Unauthenticated('the token was refused: it is malformed, altered or signed by someone else');
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
