import { Forbidden } from './errors.js';

/**
 * Who a request acts for, as the gateway's authentication found it: every use case is scoped by
 * `userId`, admin routes by `orgId` and `role`.
 */

export const USER_ROLES = ['user', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The queue lane a user's or a key's messages run in: `high` goes ahead, without starving `normal`. */
export const LANES = ['normal', 'high'] as const;
export type Lane = (typeof LANES)[number];

/** How the credential was given. */
export type CredentialKind = 'access_token' | 'api_key' | 'provider_token';

export interface Principal {
  userId: string;
  orgId: string;
  role: UserRole;
  lane: Lane;
  via: CredentialKind;
  /** Set when the credential is an API key. */
  apiKeyId?: string;
}

/**
 * The organisation an org admin acts on: the principal's own, and only when it is an admin's
 * (`forbidden` otherwise). Every admin use case scopes its reads and writes by this id, so
 * another organisation's rows are simply not found.
 */
export function adminOrgOf(principal: Principal): string {
  if (principal.role !== 'admin') throw new Forbidden("this is an organisation admin's route: it needs the admin role");
  return principal.orgId;
}
