import { and, asc, eq, gt } from 'drizzle-orm';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { adminOrgOf, type Principal } from '../shared/principal.js';
import type { IdentityContext } from './context.js';
import { users, type UserRow } from './schema/index.js';

/** The members of the admin's organisation, oldest account first, a page at a time (admins only). */
export async function listOrgMembers({
  ctx,
  input,
}: {
  ctx: Pick<IdentityContext, 'db'>;
  input: { principal: Principal; limit: number; cursor?: string | undefined };
}): Promise<Page<UserRow>> {
  const orgId = adminOrgOf(input.principal);
  const afterId = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), afterId ? gt(users.id, afterId) : undefined))
    .orderBy(asc(users.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (user) => [user.id]);
}
