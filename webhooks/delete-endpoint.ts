import { and, eq } from 'drizzle-orm';
import { NotFound } from '../shared/errors.js';
import type { WebhooksContext } from './context.js';
import { webhookDeliveries, webhookEndpoints } from './schema/index.js';

/**
 * Delete one of the caller's endpoints and its delivery log. Deliveries already queued for it
 * find it gone and are dropped without a request.
 */
export async function deleteEndpoint({ ctx, input }: { ctx: WebhooksContext; input: { userId: string; id: string } }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, input.id), eq(webhookEndpoints.userId, input.userId)))
      .returning({ id: webhookEndpoints.id });
    if (!deleted) throw new NotFound('webhook endpoint', input.id);
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, input.id));
  });
}
