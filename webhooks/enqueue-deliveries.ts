import { and, arrayContains, eq, isNull } from 'drizzle-orm';
import type { DomainEvent } from '../shared/domain-events.js';
import { newId } from '../shared/ids.js';
import type { WebhooksContext } from './context.js';
import { deliveryJobId, WEBHOOK_QUEUE } from './queue.js';
import { webhookEndpoints } from './schema/index.js';

/**
 * Queue one delivery job per enabled endpoint of the event's user that subscribes to its type.
 * The event gets its id here (`evt_…`, the `webhook-id` every endpoint and every attempt sees).
 * Returns the event id, or undefined when no endpoint wants it.
 */
export async function enqueueWebhookDeliveries({ ctx, input }: { ctx: WebhooksContext; input: DomainEvent }): Promise<string | undefined> {
  const endpoints = await ctx.db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.userId, input.userId), isNull(webhookEndpoints.disabledAt), arrayContains(webhookEndpoints.events, [input.type])));
  if (endpoints.length === 0) return undefined;
  const eventId = `evt_${newId().replace(/-/g, '')}`;
  await ctx.queue.addBulk(
    endpoints.map((endpoint) => ({
      name: WEBHOOK_QUEUE,
      data: { eventId, endpointId: endpoint.id, type: input.type, occurredAt: input.occurredAt.toISOString(), data: input.data },
      opts: { jobId: deliveryJobId(eventId, endpoint.id) },
    })),
  );
  return eventId;
}
