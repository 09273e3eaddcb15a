import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { renameSession } from '../rename-session.js';
import { RenameSessionBody, Session, SessionParams, toSessionWire } from '../schemas.js';

const route = createRoute({
  method: 'patch',
  path: '/api/v1/chat/sessions/{id}',
  operationId: 'renameSession',
  tags: ['chat'],
  summary: 'Rename a session',
  description: 'A session created without a title is titled from its first message; this replaces any title.',
  request: { params: SessionParams, body: { content: { 'application/json': { schema: RenameSessionBody } }, required: true } },
  responses: {
    200: { description: 'The renamed session', content: { 'application/json': { schema: Session } } },
    400: errorResponses[400],
    404: errorResponses[404],
    415: errorResponses[415],
  },
});

export function registerRenameSession(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { title } = c.req.valid('json');
    const session = await renameSession({ ctx, input: { userId: c.get('userId'), sessionId: id, title } });
    return c.json(toSessionWire(session), 200);
  });
}
