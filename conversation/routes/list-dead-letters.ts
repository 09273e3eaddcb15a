import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { MAX_PAGE_SIZE } from '../../shared/pagination.js';
import type { ConversationContext } from '../context.js';
import { listDeadLetters } from '../list-dead-letters.js';
import { DeadLetterPage, toDeadLetterWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/internal/v1/dead-letters',
  tags: ['internal'],
  summary: 'Messages that failed for good, newest first (operators; admin access comes with authentication)',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: { description: 'A page of dead letters', content: { 'application/json': { schema: DeadLetterPage } } },
    400: errorResponses[400],
  },
});

export function registerListDeadLetters(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { limit, offset } = c.req.valid('query');
    const page = await listDeadLetters({ ctx, input: { limit, offset } });
    return c.json({ data: page.items.map(toDeadLetterWire), total: page.total }, 200);
  });
}
