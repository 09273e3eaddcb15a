import { createRoute, z } from '@hono/zod-openapi';
import { absoluteUrl, errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { postMessage } from '../post-message.js';
import { Message, PostMessageBody, SessionParams, toMessageWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/api/v1/chat/sessions/{id}/messages',
  tags: ['chat'],
  summary: 'Send a message; the image is made in the background',
  description:
    'Answers 202 at once with the PENDING message. Follow it with `message.updated` events over Socket.IO, or poll the URL in `Location`.',
  request: {
    params: SessionParams,
    headers: z.object({
      'idempotency-key': z
        .string()
        .optional()
        .openapi({
          description:
            'Send the same key with the same body again (within 24 h) to get the original 202 back without a second message; another body with the same key is a 422, a duplicate while the first is running a 409.',
        }),
    }),
    body: { content: { 'application/json': { schema: PostMessageBody } }, required: true },
  },
  responses: {
    202: {
      description: 'Accepted; the pipeline has started',
      headers: z.object({ Location: z.string().openapi({ description: 'The URL to poll' }) }),
      content: { 'application/json': { schema: Message } },
    },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
    413: errorResponses[413],
    415: errorResponses[415],
    422: errorResponses[422],
    503: errorResponses[503],
  },
});

export function registerPostMessage(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { content, options } = c.req.valid('json');
    const message = await postMessage({
      ctx,
      input: {
        userId: c.get('userId'),
        sessionId: id,
        content,
        options: options && {
          ...(options.width !== undefined ? { width: options.width } : {}),
          ...(options.height !== undefined ? { height: options.height } : {}),
          ...(options.aspect_ratio !== undefined ? { aspectRatio: options.aspect_ratio } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
          ...(options.format !== undefined ? { format: options.format } : {}),
        },
      },
    });
    c.header('Location', absoluteUrl(ctx.publicUrl, `/api/v1/chat/sessions/${id}/messages/${message.id}/`));
    return c.json(toMessageWire(message), 202);
  });
}
