import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { listMessageImages } from '../list-message-images.js';
import { MessageIdParam, MessageImages, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/gallery/by-message/{message_id}',
  operationId: 'listMessageImages',
  tags: ['gallery'],
  summary: 'The image(s) a chat message made, live or in the trash, oldest first',
  description: 'Not found when the caller has no image of that message (another user\'s message, a chat reply, a failed message).',
  request: { params: MessageIdParam },
  responses: {
    200: { description: "The message's images", content: { 'application/json': { schema: MessageImages } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

export function registerListMessageImages(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { message_id: messageId } = c.req.valid('param');
    const rows = await listMessageImages({ ctx, input: { userId: c.get('userId'), messageId } });
    return c.json({ data: rows.map((row) => toImageWire(row, ctx)) }, 200);
  });
}
