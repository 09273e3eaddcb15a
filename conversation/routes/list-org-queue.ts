import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import { adminOrgOf } from '../../shared/principal.js';
import type { ConversationContext } from '../context.js';
import { listOrgQueue } from '../list-org-queue.js';
import { QueuePage, toQueuedMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/internal/v1/queue',
  operationId: 'listOrgQueue',
  tags: ['internal'],
  summary: "Your organisation's messages waiting or running, oldest first, with their lanes (admins)",
  description:
    'A `high`-lane message goes ahead of `normal` ones posted up to `LANE_HIGH_LEAD_S` seconds before it, never further (see docs/organisations.md).',
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of the queue', content: { 'application/json': { schema: QueuePage } } },
    400: errorResponses[400],
    503: errorResponses[503],
  },
});

export function registerListOrgQueue(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listOrgQueue({ ctx, input: { orgId: adminOrgOf(c.get('principal')), limit, cursor } });
    return c.json({ data: page.items.map(toQueuedMessageWire), next_cursor: page.nextCursor }, 200);
  });
}
