import { createRoute, z } from '@hono/zod-openapi';
import { absoluteUrl, errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { postMessage } from '../post-message.js';
import { Message, PostMessageBody, SessionParams, toMessageWire } from '../schemas.js';

const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, { message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' })
  .optional()
  .openapi({
    description:
      'Send the same key with the same body again to get the same message back (202, `Idempotent-Replayed: true`) instead of a second one, for as long as the message exists, even across a restart; the same key with another body is a 422.',
    example: 'c1f0a7e2-retry-safe',
  });

const route = createRoute({
  method: 'post',
  path: '/api/v1/chat/sessions/{id}/messages',
  operationId: 'postMessage',
  tags: ['chat'],
  summary: 'Send a message; the image is made in the background',
  description:
    'Answers 202 at once with the PENDING message. A session carries out its messages one after another, in order: a message waits (`queued`) while an earlier one of the same session runs. Follow it with `message.updated` events over Socket.IO, or poll the URL in `Location`.',
  request: {
    params: SessionParams,
    headers: z.object({ 'idempotency-key': IdempotencyKey }),
    body: { content: { 'application/json': { schema: PostMessageBody } }, required: true },
  },
  responses: {
    202: {
      description: 'Accepted; the message runs when it is its session\'s turn',
      headers: z.object({
        Location: z.string().openapi({ description: 'The URL to poll' }),
        'Idempotent-Replayed': z
          .literal('true')
          .optional()
          .openapi({ description: 'Present when this is the message an earlier request with the same Idempotency-Key made' }),
      }),
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
    const { content, template_id: templateId, variables, options } = c.req.valid('json');
    const { userId, orgId, lane } = c.get('principal');
    const { message, replayed } = await postMessage({
      ctx,
      input: {
        userId,
        orgId,
        lane,
        sessionId: id,
        content,
        template: templateId === undefined ? undefined : { id: templateId, variables: variables ?? {} },
        options: options && {
          width: options.width,
          height: options.height,
          aspectRatio: options.aspect_ratio,
          seed: options.seed,
          format: options.format,
          sourceImageId: options.source_image_id,
          n: options.n,
        },
        idempotencyKey: c.req.valid('header')['idempotency-key'],
      },
    });
    c.header('Location', absoluteUrl(ctx.publicUrl, `/api/v1/chat/sessions/${message.sessionId}/messages/${message.id}/`));
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(toMessageWire(message, ctx.links), 202);
  });
}
