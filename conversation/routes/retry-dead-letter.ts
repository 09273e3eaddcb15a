import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { adminOrgOf } from '../../shared/principal.js';
import type { ConversationContext } from '../context.js';
import { retryDeadLetter } from '../retry-dead-letter.js';
import { Message, MessageId, toMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/internal/v1/dead-letters/{message_id}/retry',
  operationId: 'retryDeadLetter',
  tags: ['internal'],
  summary: "Retry one of your organisation's failed messages from the stage it stopped at (admins)",
  request: { params: z.object({ message_id: MessageId.openapi({ param: { name: 'message_id', in: 'path' } }) }) },
  responses: {
    202: { description: 'The message, PENDING again', content: { 'application/json': { schema: Message } } },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export function registerRetryDeadLetter(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { message_id: messageId } = c.req.valid('param');
    const message = await retryDeadLetter({ ctx, input: { orgId: adminOrgOf(c.get('principal')), messageId } });
    return c.json(toMessageWire(message, ctx.links), 202);
  });
}
