import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, idSchema, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { WebhooksContext } from '../context.js';
import { listDeliveries } from '../list-deliveries.js';
import { toDeliveryWire, WebhookDeliveryPage } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  tags: ['webhooks'],
  summary: "An endpoint's delivery log: every attempt, newest first",
  request: { params: z.object({ id: idSchema('a webhook endpoint') }), query: PageQuery },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: WebhookDeliveryPage } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerWebhookDeliveries(app: App, ctx: WebhooksContext): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listDeliveries({ ctx, input: { userId: c.get('userId'), endpointId: c.req.valid('param').id, limit, cursor } });
    return c.json({ data: page.items.map(toDeliveryWire), next_cursor: page.nextCursor }, 200);
  });
}
