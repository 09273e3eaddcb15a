import { and, eq, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../shared/errors.js';
import { adminOrgOf, type Lane, type Principal, type UserRole } from '../shared/principal.js';
import type { IdentityContext } from './context.js';
import { users, type UserRow } from './schema/index.js';

export interface MemberChanges {
  role?: UserRole | undefined;
  priority?: Lane | undefined;
  /** Images a day; null: the instance default. */
  dailyQuota?: number | null | undefined;
}

/**
 * An org admin changes a member of their organisation: role, lane (`priority`), daily quota.
 * Another organisation's user is not found. The organisation keeps at least one admin: demoting
 * the last one is a `conflict` (changes to one organisation's members are serialised, so two
 * admins demoting each other at once cannot both succeed). A provider user's role is their
 * provider's (read from each token), so it cannot be changed here.
 *
 * Where a change shows: an API key or a provider token at once (a provider user within a
 * minute, on other gateways); an access token when it is next refreshed (it carries its lane and
 * role until it expires, AUTH_ACCESS_TTL_S).
 */
export async function updateOrgMember({
  ctx,
  input,
}: {
  ctx: Pick<IdentityContext, 'db' | 'knownProviderUsers'>;
  input: { principal: Principal; userId: string; changes: MemberChanges };
}): Promise<UserRow> {
  const orgId = adminOrgOf(input.principal);
  const { role, priority, dailyQuota } = input.changes;
  const updated = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`atelier:org-members:${orgId}`}))`);
    const [member] = await tx.select().from(users).where(and(eq(users.id, input.userId), eq(users.orgId, orgId)));
    if (!member) throw new NotFound('member', input.userId);
    if (role !== undefined && role !== member.role) {
      if (member.externalIssuer !== null) {
        throw new Conflict("this member's role comes from their identity provider's token: change it there");
      }
      if (member.role === 'admin') {
        const [admins] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(users)
          .where(and(eq(users.orgId, orgId), eq(users.role, 'admin')));
        if ((admins?.count ?? 0) <= 1) throw new Conflict("this is the organisation's last admin: make another member admin first");
      }
    }
    const [row] = await tx
      .update(users)
      .set({
        ...(role !== undefined && { role }),
        ...(priority !== undefined && { priority }),
        ...(dailyQuota !== undefined && { dailyQuota }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, member.id))
      .returning();
    if (!row) throw new NotFound('member', input.userId);
    return row;
  });
  // This gateway's cached provider user is dropped, so their next token sees the change at once.
  for (const [key, known] of ctx.knownProviderUsers) {
    if (known.user.id === updated.id) ctx.knownProviderUsers.delete(key);
  }
  return updated;
}
