import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { getSession } from '../get-session.js';
import { Session, SessionParams, toSessionWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}',
  operationId: 'getSession',
  tags: ['chat'],
  summary: 'One session',
  request: { params: SessionParams },
  responses: {
    200: { description: 'The session', content: { 'application/json': { schema: Session } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerGetSession(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const session = await getSession({ ctx, input: { userId: c.get('userId'), sessionId: id } });
    return c.json(toSessionWire(session), 200);
  });
}
