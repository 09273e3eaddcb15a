import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { ConversationContext } from '../context.js';
import { listMessages } from '../list-messages.js';
import { MessagePage, SessionParams, toMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}/messages',
  operationId: 'listMessages',
  tags: ['chat'],
  summary: "A session's history, oldest first",
  request: { params: SessionParams, query: PageQuery },
  responses: {
    200: { description: 'A page of messages', content: { 'application/json': { schema: MessagePage } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerListMessages(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const page = await listMessages({ ctx, input: { userId: c.get('userId'), sessionId: id, limit, cursor } });
    return c.json({ data: page.items.map((message) => toMessageWire(message, ctx.links)), next_cursor: page.nextCursor }, 200);
  });
}
