import { and, eq } from 'drizzle-orm';
import { NotFound } from '../shared/errors.js';
import { adminOrgOf, type Lane, type Principal } from '../shared/principal.js';
import type { IdentityContext } from './context.js';
import { apiKeys, type ApiKeyRow } from './schema/index.js';

/**
 * An org admin sets the lane of an API key of their organisation (null: its maker's lane). Keys
 * are looked up on every request, so the change holds from the key's next request, on every
 * gateway. Another organisation's key is not found.
 */
export async function updateOrgApiKey({
  ctx,
  input,
}: {
  ctx: Pick<IdentityContext, 'db'>;
  input: { principal: Principal; id: string; priority: Lane | null };
}): Promise<ApiKeyRow> {
  const orgId = adminOrgOf(input.principal);
  const [row] = await ctx.db
    .update(apiKeys)
    .set({ priority: input.priority })
    .where(and(eq(apiKeys.id, input.id), eq(apiKeys.orgId, orgId)))
    .returning();
  if (!row) throw new NotFound('API key', input.id);
  return row;
}
