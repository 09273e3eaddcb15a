import { and, desc, eq, lt } from 'drizzle-orm';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { WebhooksContext } from './context.js';
import { findEndpoint } from './find-endpoint.js';
import { webhookDeliveries, type WebhookDeliveryRow } from './schema/index.js';

/** The attempts made for one of the caller's endpoints, newest first, keyset paged. */
export async function listDeliveries({
  ctx,
  input,
}: {
  ctx: WebhooksContext;
  input: { userId: string; endpointId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<WebhookDeliveryRow>> {
  await findEndpoint(ctx, input.userId, input.endpointId);
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, ['uuid'])[0];
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, input.endpointId), after === undefined ? undefined : lt(webhookDeliveries.id, after)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => [row.id]);
}
