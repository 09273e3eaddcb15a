import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { deleteSession } from '../delete-session.js';
import { SessionParams } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/chat/sessions/{id}',
  tags: ['chat'],
  summary: 'Delete a session and its messages (its gallery images stay)',
  request: { params: SessionParams },
  responses: {
    204: { description: 'Deleted' },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerDeleteSession(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    await deleteSession({ ctx, input: { userId: c.get('userId'), sessionId: id } });
    return c.body(null, 204);
  });
}
