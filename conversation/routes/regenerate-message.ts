import { createRoute, z } from '@hono/zod-openapi';
import { imageOptionFields } from '../../image-service/index.js';
import { absoluteUrl, errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { regenerateMessage } from '../regenerate-message.js';
import { Message, MessageParams, toMessageWire } from '../schemas.js';

const RegenerateBody = z
  .strictObject({ seed: imageOptionFields.seed.openapi({ description: 'The new image\'s seed. Default: a random one.' }) })
  .openapi('RegenerateRequest');

const route = createRoute({
  method: 'post',
  path: '/api/v1/chat/sessions/{id}/messages/{message_id}/regenerate',
  operationId: 'regenerateMessage',
  tags: ['chat'],
  summary: 'Another image for a finished image message: a new message with the same refined prompt and intent, and a new seed',
  description:
    'No prompt-model call: the new message starts at the image stage, when it is its session\'s turn. Takes one unit of the image quota. Send `{}` for a random seed.',
  request: { params: MessageParams, body: { content: { 'application/json': { schema: RegenerateBody } }, required: true } },
  responses: {
    202: {
      description: 'The new message, PENDING',
      headers: z.object({ Location: z.string().openapi({ description: 'The URL to poll' }) }),
      content: { 'application/json': { schema: Message } },
    },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

export function registerRegenerateMessage(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id, message_id: messageId } = c.req.valid('param');
    const { seed } = c.req.valid('json');
    const { userId, orgId, lane } = c.get('principal');
    const message = await regenerateMessage({ ctx, input: { userId, orgId, lane, sessionId: id, messageId, seed } });
    c.header('Location', absoluteUrl(ctx.publicUrl, `/api/v1/chat/sessions/${message.sessionId}/messages/${message.id}/`));
    return c.json(toMessageWire(message, ctx.links), 202);
  });
}
