import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { cancelMessage } from '../cancel-message.js';
import type { ConversationContext } from '../context.js';
import { Message, MessageParams, toMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/chat/sessions/{id}/messages/{message_id}/cancel',
  operationId: 'cancelMessage',
  tags: ['chat'],
  summary: 'Cancel a queued or running message: it ends CANCELLED, nothing is filed, its quota unit comes back',
  request: { params: MessageParams },
  responses: {
    200: { description: 'The message, CANCELLED', content: { 'application/json': { schema: Message } } },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export function registerCancelMessage(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id, message_id: messageId } = c.req.valid('param');
    const message = await cancelMessage({ ctx, input: { userId: c.get('userId'), sessionId: id, messageId } });
    return c.json(toMessageWire(message, ctx.links), 200);
  });
}
