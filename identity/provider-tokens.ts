import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ProviderAuthConfig } from '../shared/config.js';
import { ServiceUnavailable, Unauthenticated } from '../shared/errors.js';
import type { UserRole } from '../shared/principal.js';
import { refusal } from './access-tokens.js';

/**
 * Tokens from the user's own identity provider (Auth0, Keycloak, Clerk, Supabase…), checked with
 * jose: the signature against the provider's JWKS (RS256, ES256; jose fetches and caches the keys
 * and refetches when a token names a key it does not know) or a shared HS256 secret; then the
 * issuer, the audience, `exp` and `nbf`. `alg: none` is never among the accepted algorithms.
 */

export interface ProviderIdentity {
  issuer: string;
  subject: string;
  /** The provider's id of the user's organisation, when its token names one. */
  org: string | undefined;
  role: UserRole;
  email: string | undefined;
  name: string | undefined;
}

export interface ProviderTokens {
  verify(token: string): Promise<ProviderIdentity>;
}

export function createProviderTokens(config: ProviderAuthConfig): ProviderTokens {
  const key: Uint8Array | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5000 })
    : new TextEncoder().encode(config.jwtSecret);
  const algorithms = config.jwksUrl ? ['RS256', 'ES256'] : ['HS256'];

  return {
    verify: async (token) => {
      let payload: JWTPayload;
      try {
        // jose takes a key or a key-getting function; the union is split only for its overloads.
        ({ payload } =
          key instanceof Uint8Array
            ? await jwtVerify(token, key, { issuer: config.issuer, audience: config.audience, algorithms })
            : await jwtVerify(token, key, { issuer: config.issuer, audience: config.audience, algorithms }));
      } catch (error) {
        // The provider's keys could not be fetched: not the token's fault, and worth a retry.
        if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
          throw new ServiceUnavailable("the identity provider's signing keys could not be fetched", error);
        }
        throw refusal(error);
      }
      const subject = payload[config.claims.user];
      if (typeof subject !== 'string' || subject === '') {
        throw new Unauthenticated(`the token was refused: it has no "${config.claims.user}" claim naming the user`);
      }
      const org = payload[config.claims.org];
      const roles = [payload[config.claims.role]].flat();
      return {
        issuer: config.issuer,
        subject,
        org: typeof org === 'string' && org !== '' ? org : undefined,
        role: roles.some((role) => typeof role === 'string' && config.adminRoles.includes(role)) ? 'admin' : 'user',
        email: typeof payload.email === 'string' ? payload.email : undefined,
        name: typeof payload.name === 'string' ? payload.name : undefined,
      };
    },
  };
}
