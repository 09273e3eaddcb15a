import { and, eq } from 'drizzle-orm';
import { NotFound } from '../shared/errors.js';
import type { WebhooksContext } from './context.js';
import { webhookEndpoints, type WebhookEndpointRow } from './schema/index.js';

/** One of the user's endpoints; another user's is NotFound, exactly as one that does not exist. */
export async function findEndpoint(ctx: WebhooksContext, userId: string, id: string): Promise<WebhookEndpointRow> {
  const [row] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, userId)));
  if (!row) throw new NotFound('webhook endpoint', id);
  return row;
}
