import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { createSession } from '../create-session.js';
import { CreateSessionBody, Session, toSessionWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/chat/sessions',
  operationId: 'createSession',
  tags: ['chat'],
  summary: 'Start a conversation',
  request: { body: { content: { 'application/json': { schema: CreateSessionBody } }, required: false } },
  responses: {
    201: { description: 'The new session', content: { 'application/json': { schema: Session } } },
    400: errorResponses[400],
    415: errorResponses[415],
  },
});

export function registerCreateSession(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json') ?? {};
    const { userId, orgId } = c.get('principal');
    const session = await createSession({ ctx, input: { userId, orgId, title: body.title } });
    return c.json(toSessionWire(session), 201);
  });
}
