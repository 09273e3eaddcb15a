import type { AuthConfig } from '../shared/config.js';
import type { Postgres } from '../shared/connections/postgres.js';
import type { Logger } from '../shared/logger.js';
import type { IdentityContext } from './context.js';
import { migrateIdentity } from './migrate.js';
import { createProviderTokens } from './provider-tokens.js';
import { loadInstanceSecret } from './secrets.js';

/** The identity service, ready: its tables migrated and its signing key loaded (or made). */
export async function startIdentity(postgres: Postgres, config: AuthConfig, logger: Logger): Promise<IdentityContext> {
  await migrateIdentity(postgres);
  const signingKey = config.tokenSecret ? new TextEncoder().encode(config.tokenSecret) : await loadInstanceSecret(postgres.db, 'access-token-key');
  return {
    db: postgres.db,
    config,
    signingKey,
    providerTokens: config.provider ? createProviderTokens(config.provider) : undefined,
    verifiedTokens: new Map(),
    knownProviderUsers: new Map(),
    logger,
  };
}
