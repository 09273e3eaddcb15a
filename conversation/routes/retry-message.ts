import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { retryMessage } from '../retry-message.js';
import { Message, MessageParams, toMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/chat/sessions/{id}/messages/{message_id}/retry',
  operationId: 'retryMessage',
  tags: ['chat'],
  summary: 'Retry your FAILED message from the stage it failed in (takes one unit of the image quota again)',
  request: { params: MessageParams },
  responses: {
    202: { description: 'The message, PENDING again', content: { 'application/json': { schema: Message } } },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
    429: errorResponses[429],
  },
});

export function registerRetryMessage(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id, message_id: messageId } = c.req.valid('param');
    const principal = c.get('principal');
    const message = await retryMessage({ ctx, input: { userId: c.get('userId'), orgId: principal.orgId, sessionId: id, messageId } });
    return c.json(toMessageWire(message, ctx.links), 202);
  });
}
