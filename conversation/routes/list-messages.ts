import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { ConversationContext } from '../context.js';
import { listMessages } from '../list-messages.js';
import { MessagePage, SessionParams, toMessageWire } from '../schemas.js';

const MessageOrderQuery = z
  .enum(['oldest', 'newest'])
  .default('oldest')
  .openapi({ description: 'Oldest first (the default) or newest first', example: 'newest' });

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}/messages',
  operationId: 'listMessages',
  tags: ['chat'],
  summary: "A session's history, a page at a time (oldest or newest first)",
  description:
    'Oldest first by default. `order=newest` opens a long conversation at its end: the newest page first, then `next_cursor` pages back to older messages. A cursor is valid only with the order it was made in (else 400).',
  request: { params: SessionParams, query: PageQuery.extend({ order: MessageOrderQuery }) },
  responses: {
    200: { description: 'A page of messages', content: { 'application/json': { schema: MessagePage } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerListMessages(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor, order } = c.req.valid('query');
    const page = await listMessages({ ctx, input: { userId: c.get('userId'), sessionId: id, limit, cursor, order } });
    return c.json({ data: page.items.map((message) => toMessageWire(message, ctx.links)), next_cursor: page.nextCursor }, 200);
  });
}
