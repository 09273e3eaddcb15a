import { and, desc, eq, lt } from 'drizzle-orm';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { adminOrgOf, type Principal } from '../shared/principal.js';
import type { IdentityContext } from './context.js';
import { apiKeys, type ApiKeyRow } from './schema/index.js';

/** Every member's API keys in the admin's organisation, newest first, revoked ones included, never a secret (admins only). */
export async function listOrgApiKeys({
  ctx,
  input,
}: {
  ctx: Pick<IdentityContext, 'db'>;
  input: { principal: Principal; limit: number; cursor?: string | undefined };
}): Promise<Page<ApiKeyRow>> {
  const orgId = adminOrgOf(input.principal);
  const beforeId = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), beforeId ? lt(apiKeys.id, beforeId) : undefined))
    .orderBy(desc(apiKeys.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (key) => [key.id]);
}
