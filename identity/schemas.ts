import { z } from '@hono/zod-openapi';
import { isStorableText } from '../shared/text.js';
import { LANES, USER_ROLES } from '../shared/principal.js';
import type { QuotaUsage } from '../shared/quota.js';
import type { IssuedTokens } from './issue-tokens.js';
import type { ApiKeyRow, OrganisationRow, UserRow } from './schema/index.js';

/** The identity service's wire shapes (snake_case); the mapping from rows happens here, once. */

const Email = z
  .email({ message: 'expected an email address' })
  .max(254)
  .transform((email) => email.toLowerCase())
  .openapi({ example: 'ada@example.com' });

// NIST SP 800-63B: at least 8 characters, no composition rules, long passphrases welcome.
const Password = z
  .string()
  .min(8, { message: 'expected at least 8 characters' })
  .max(256, { message: 'expected at most 256 characters' })
  .openapi({ example: 'correct horse battery staple' });

const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(isStorableText, { message: 'expected printable text' })
  .openapi({ example: 'Ada' });

export const RegisterBody = z
  .object({
    email: Email,
    password: Password,
    display_name: DisplayName.optional(),
    invite_token: z.string().max(4096).optional().openapi({ description: 'Required when registration is by invitation' }),
  })
  // No `invite_token` in the example: an open instance takes none, and a made-up one is refused.
  .openapi('RegisterRequest', { example: { email: 'ada@example.com', password: 'correct horse battery staple', display_name: 'Ada' } });

export const LogInBody = z.object({ email: Email, password: z.string().max(256) }).openapi('LoginRequest');

export const RefreshBody = z
  .object({ refresh_token: z.string().min(1).max(512).openapi({ example: 'atr_…' }) })
  .openapi('RefreshRequest');

export const Role = z.enum(USER_ROLES).openapi({ description: '`admin` manages the organisation; `user` sees only their own' });
export const Priority = z.enum(LANES).openapi({ description: '`high` goes ahead in the queues, without starving `normal`' });

export const User = z
  .object({
    id: z.uuid(),
    org_id: z.uuid(),
    email: z.string().nullable(),
    display_name: z.string().nullable(),
    role: Role,
    priority: Priority,
    created_at: z.iso.datetime(),
  })
  .openapi('User');

export const Organisation = z.object({ id: z.uuid(), name: z.string() }).openapi('Organisation');

export const AuthTokens = z
  .object({
    user: User,
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().openapi({ description: 'Seconds the access token lasts' }),
  })
  .openapi('AuthTokens');

export const CreateApiKeyBody = z
  .object({
    name: DisplayName.openapi({ example: 'render farm' }),
    role: Role.optional(),
    priority: Priority.optional().openapi({ description: 'An admin only: the lane the key\'s messages run in (default: its maker\'s)' }),
  })
  .openapi('CreateApiKeyRequest');

export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The key\'s first characters, to tell keys apart', example: 'atl_1a2b3c4d' }),
    role: Role,
    priority: Priority.nullable().openapi({ description: "The key's lane; null: its maker's" }),
    created_at: z.iso.datetime(),
    revoked_at: z.iso.datetime().nullable(),
  })
  .openapi('ApiKey');

export const CreatedApiKey = ApiKey.extend({
  key: z.string().openapi({ description: 'The key: shown this once, keep it', example: 'atl_…' }),
}).openapi('CreatedApiKey');

export const CreateInvitationBody = z
  .object({
    role: Role.default('user'),
    expires_in: z.number().int().min(60).max(30 * 24 * 3600).default(7 * 24 * 3600).openapi({ description: 'Seconds (default 7 days)' }),
  })
  .openapi('CreateInvitationRequest');

export const Invitation = z
  .object({ invite_token: z.string(), role: Role, expires_at: z.iso.datetime() })
  .openapi('Invitation');

export function toUserWire(user: UserRow): z.infer<typeof User> {
  return {
    id: user.id,
    org_id: user.orgId,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    priority: user.priority,
    created_at: user.createdAt.toISOString(),
  };
}

export function toOrganisationWire(org: OrganisationRow): z.infer<typeof Organisation> {
  return { id: org.id, name: org.name };
}

export function toAuthTokensWire(user: UserRow, tokens: IssuedTokens): z.infer<typeof AuthTokens> {
  return {
    user: toUserWire(user),
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
  };
}

export function toApiKeyWire(row: ApiKeyRow): z.infer<typeof ApiKey> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    priority: row.priority,
    created_at: row.createdAt.toISOString(),
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

export const QuotaWindow = z
  .object({
    limit: z.number().int().openapi({ description: 'Images allowed in the window (the user\'s or organisation\'s own quota, else the instance default)' }),
    used: z.number().int(),
    remaining: z.number().int(),
    resets_at: z.iso.datetime().openapi({ description: 'When the window starts again from zero (UTC midnight; the first of the next month)' }),
  })
  .openapi('QuotaWindow');

export const Quota = z
  .object({
    daily: QuotaWindow.openapi({ description: 'The user\'s images this UTC day' }),
    monthly: QuotaWindow.openapi({ description: 'The organisation\'s images this UTC month' }),
  })
  .nullable()
  .openapi('Quota', {
    description: 'The image quota (docs/limits.md); null while it cannot be read (Redis unavailable)',
  });

export function toQuotaWire(usage: QuotaUsage): z.infer<typeof Quota> {
  const window = (w: QuotaUsage['daily']) => ({ limit: w.limit, used: w.used, remaining: w.remaining, resets_at: w.resetsAt.toISOString() });
  return { daily: window(usage.daily), monthly: window(usage.monthly) };
}
