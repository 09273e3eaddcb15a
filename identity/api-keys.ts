import { and, desc, eq, isNull } from 'drizzle-orm';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Lane, Principal, UserRole } from '../shared/principal.js';
import type { IdentityContext } from './context.js';
import { API_KEY_PREFIX, hashToken, newOpaqueToken } from './opaque-tokens.js';
import { apiKeys, type ApiKeyRow } from './schema/index.js';

/** How many characters of a key a list shows: its prefix and 8 random ones. */
const SHOWN_CHARS = API_KEY_PREFIX.length + 8;

/**
 * Make an API key acting as the caller. Its role is at most the caller's; a priority lane is an
 * admin's to give. The key itself is returned here once and never again.
 */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: IdentityContext;
  input: { principal: Principal; name: string; role?: UserRole | undefined; priority?: Lane | undefined };
}): Promise<{ key: string; row: ApiKeyRow }> {
  const { principal } = input;
  const role = input.role ?? principal.role;
  if (role === 'admin' && principal.role !== 'admin') throw new Forbidden('only an admin can make an admin key');
  if (input.priority !== undefined && principal.role !== 'admin') throw new Forbidden("only an admin can choose a key's priority");
  const key = newOpaqueToken(API_KEY_PREFIX);
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({
      id: newId(),
      userId: principal.userId,
      orgId: principal.orgId,
      name: input.name,
      prefix: key.slice(0, SHOWN_CHARS),
      keyHash: hashToken(key),
      role,
      priority: input.priority ?? null,
    })
    .returning();
  if (!row) throw new Error('the API key could not be stored');
  return { key, row };
}

/** The caller's keys, newest first, revoked ones included (with when), never a secret. */
export async function listApiKeys({ ctx, input }: { ctx: IdentityContext; input: { principal: Principal } }): Promise<ApiKeyRow[]> {
  return ctx.db.select().from(apiKeys).where(eq(apiKeys.userId, input.principal.userId)).orderBy(desc(apiKeys.id)).limit(1000);
}

/** Revoke one of the caller's keys; it stops working at the next request, on every gateway. */
export async function revokeApiKey({ ctx, input }: { ctx: IdentityContext; input: { principal: Principal; id: string } }): Promise<void> {
  const mine = and(eq(apiKeys.id, input.id), eq(apiKeys.userId, input.principal.userId));
  const [revoked] = await ctx.db.update(apiKeys).set({ revokedAt: new Date() }).where(and(mine, isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id });
  if (revoked) return;
  const [exists] = await ctx.db.select({ id: apiKeys.id }).from(apiKeys).where(mine);
  if (!exists) throw new NotFound('API key', input.id);
}
