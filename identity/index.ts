/** The identity service's public face: accounts, organisations, credentials. */
export type { IdentityContext } from './context.js';
export { startIdentity } from './start.js';
export { authenticate } from './authenticate.js';
export { countAccounts } from './count-accounts.js';
export { readQuotaOverrides, type QuotaOverrides } from './quota-overrides.js';
export { registerAccount } from './register-account.js';
export { loadInstanceSecret } from './secrets.js';
export { findDisplayName } from './display-name.js';
/** scrypt hashing of secrets a person types (share-link passwords use it too). */
export { hashPassword, verifyPassword } from './passwords.js';
export { mintAccessToken, ATELIER_ISSUER } from './access-tokens.js';
export { users, organisations, apiKeys, type UserRow, type OrganisationRow } from './schema/index.js';

export { registerRegister } from './routes/register.js';
export { registerLogIn } from './routes/log-in.js';
export { registerRefresh } from './routes/refresh.js';
export { registerLogOut } from './routes/log-out.js';
export { registerMe } from './routes/me.js';
export { registerApiKeys } from './routes/api-keys.js';
export { registerInvitations } from './routes/invitations.js';
export { registerOrgMembers } from './routes/org-members.js';
export { registerOrgApiKeys } from './routes/org-api-keys.js';
