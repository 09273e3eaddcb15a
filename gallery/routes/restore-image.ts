import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { restoreImage } from '../restore-image.js';
import { GalleryImage, ImageIdParam, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/gallery/{id}/restore',
  operationId: 'restoreGalleryImage',
  tags: ['gallery'],
  summary: 'Take an image out of the trash',
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The image, `deleted_at` null', content: { 'application/json': { schema: GalleryImage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    409: errorResponses[409],
    503: errorResponses[503],
  },
});

export function registerRestoreImage(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const image = await restoreImage({ ctx, input: { userId: c.get('userId'), id } });
    return c.json(toImageWire(image, ctx), 200);
  });
}
