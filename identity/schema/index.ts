export { organisations, type OrganisationRow } from './organisations.js';
export { users, type UserRow } from './users.js';
export { refreshTokens, type RefreshTokenRow } from './refresh-tokens.js';
export { apiKeys, type ApiKeyRow } from './api-keys.js';
export { instanceSecrets } from './instance-secrets.js';
