import { desc, eq } from 'drizzle-orm';
import type { WebhooksContext } from './context.js';
import { MAX_ENDPOINTS_PER_USER } from './create-endpoint.js';
import { webhookEndpoints, type WebhookEndpointRow } from './schema/index.js';

/** The caller's endpoints, newest first, disabled ones included (with when). One page: there are at most 20. */
export async function listEndpoints({ ctx, input }: { ctx: WebhooksContext; input: { userId: string } }): Promise<WebhookEndpointRow[]> {
  return ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.userId, input.userId))
    .orderBy(desc(webhookEndpoints.id))
    .limit(MAX_ENDPOINTS_PER_USER);
}
