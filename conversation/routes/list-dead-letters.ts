import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import { adminOrgOf } from '../../shared/principal.js';
import type { ConversationContext } from '../context.js';
import { listDeadLetters } from '../list-dead-letters.js';
import { DeadLetterPage, toDeadLetterWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/internal/v1/dead-letters',
  operationId: 'listDeadLetters',
  tags: ['internal'],
  summary: "Your organisation's messages that failed for good, newest first (admins)",
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of dead letters', content: { 'application/json': { schema: DeadLetterPage } } },
    400: errorResponses[400],
    503: errorResponses[503],
  },
});

export function registerListDeadLetters(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listDeadLetters({ ctx, input: { orgId: adminOrgOf(c.get('principal')), limit, cursor } });
    return c.json({ data: page.items.map(toDeadLetterWire), next_cursor: page.nextCursor }, 200);
  });
}
