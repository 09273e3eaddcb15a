import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { ConversationContext } from '../context.js';
import { listSessions } from '../list-sessions.js';
import { SessionPage, toSessionWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions',
  operationId: 'listSessions',
  tags: ['chat'],
  summary: "The user's sessions, newest first",
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of sessions', content: { 'application/json': { schema: SessionPage } } },
    400: errorResponses[400],
  },
});

export function registerListSessions(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listSessions({ ctx, input: { userId: c.get('userId'), limit, cursor } });
    return c.json({ data: page.items.map(toSessionWire), next_cursor: page.nextCursor }, 200);
  });
}
