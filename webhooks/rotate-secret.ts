import { and, eq } from 'drizzle-orm';
import { NotFound } from '../shared/errors.js';
import type { WebhooksContext } from './context.js';
import { webhookEndpoints, type WebhookEndpointRow } from './schema/index.js';
import { newSecret } from './signing.js';

/**
 * Give one of the caller's endpoints a new secret, returned here once. Every attempt from now on
 * is signed with it, retries of earlier events included: the old secret stops at once.
 */
export async function rotateSecret({
  ctx,
  input,
}: {
  ctx: WebhooksContext;
  input: { userId: string; id: string };
}): Promise<{ row: WebhookEndpointRow; secret: string }> {
  const secret = newSecret();
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({ secret })
    .where(and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.userId, input.userId)))
    .returning();
  if (!row) throw new NotFound('webhook endpoint', input.id);
  return { row, secret };
}
