import type { AuthConfig } from '../shared/config.js';
import type { Database } from '../shared/connections/postgres.js';
import type { Logger } from '../shared/logger.js';
import type { Principal } from '../shared/principal.js';
import type { ProviderTokens } from './provider-tokens.js';
import type { UserRow } from './schema/index.js';

/** What the identity service's use cases need, built once at start (identity/start.ts). */
export interface IdentityContext {
  db: Database;
  config: AuthConfig;
  /** Signs and checks Atelier's own access tokens and invitations. */
  signingKey: Uint8Array;
  /** Checks tokens from the user's identity provider, when one is configured. */
  providerTokens: ProviderTokens | undefined;
  /**
   * Atelier's own access tokens already verified, by the token's exact text, until they expire: a
   * client sends the same token for its whole life, and the HMAC check (WebCrypto, a thread-pool
   * round trip) then runs once per token and process, not once per request. A token altered in
   * any byte is another key, so it is verified in full.
   */
  verifiedTokens: Map<string, { principal: Principal; expiresAtMs: number }>;
  /** Provider users already looked up, by issuer and subject, so a token costs no query each time. */
  knownProviderUsers: Map<string, { user: UserRow; at: number }>;
  logger: Logger;
}
