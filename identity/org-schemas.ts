import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/http.js';
import { ApiKey, Priority, Role, toApiKeyWire } from './schemas.js';
import type { ApiKeyRow, UserRow } from './schema/index.js';

/** Wire shapes of an org admin's routes (snake_case); the mapping from rows happens here, once. */

const DailyQuota = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .nullable()
  .openapi({ description: 'Images a day for this member; null: the instance default (USER_DAILY_QUOTA)' });

export const OrgMember = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    display_name: z.string().nullable(),
    role: Role,
    priority: Priority,
    daily_quota: DailyQuota,
    from_identity_provider: z.boolean().openapi({ description: "Made from an identity provider's token: its role is the provider's" }),
    created_at: z.iso.datetime(),
  })
  .openapi('OrgMember');

export const OrgMemberPage = z
  .object({ data: z.array(OrgMember), next_cursor: z.string().nullable() })
  .openapi('OrgMemberPage');

export const MemberParams = z.object({
  user_id: idSchema('a user').openapi({ param: { name: 'user_id', in: 'path' } }),
});

export const UpdateMemberBody = z
  .object({ role: Role.optional(), priority: Priority.optional(), daily_quota: DailyQuota.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'send at least one of role, priority, daily_quota' })
  .openapi('UpdateOrgMemberRequest');

export const OrgApiKey = ApiKey.extend({ user_id: z.uuid() }).openapi('OrgApiKey');

export const OrgApiKeyPage = z
  .object({ data: z.array(OrgApiKey), next_cursor: z.string().nullable() })
  .openapi('OrgApiKeyPage');

export const ApiKeyParams = z.object({ id: idSchema('an API key').openapi({ param: { name: 'id', in: 'path' } }) });

export const UpdateApiKeyBody = z
  .object({ priority: Priority.nullable().openapi({ description: "The key's lane; null: its maker's" }) })
  .openapi('UpdateOrgApiKeyRequest');

export function toOrgMemberWire(user: UserRow): z.infer<typeof OrgMember> {
  return {
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    role: user.role,
    priority: user.priority,
    daily_quota: user.dailyQuota,
    from_identity_provider: user.externalIssuer !== null,
    created_at: user.createdAt.toISOString(),
  };
}

export function toOrgApiKeyWire(row: ApiKeyRow): z.infer<typeof OrgApiKey> {
  return { ...toApiKeyWire(row), user_id: row.userId };
}
