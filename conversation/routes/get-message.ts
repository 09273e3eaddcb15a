import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { getMessage } from '../get-message.js';
import { Message, MessageParams, toMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}/messages/{message_id}',
  tags: ['chat'],
  summary: 'One message (poll); the same shape as the `message.updated` event',
  request: { params: MessageParams },
  responses: {
    200: { description: 'The message', content: { 'application/json': { schema: Message } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerGetMessage(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id, message_id: messageId } = c.req.valid('param');
    const message = await getMessage({ ctx, input: { userId: c.get('userId'), sessionId: id, messageId } });
    return c.json(toMessageWire(message, ctx.links), 200);
  });
}
