import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { getImage } from '../get-image.js';
import { GalleryImage, ImageIdParam, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/gallery/{id}',
  operationId: 'getGalleryImage',
  tags: ['gallery'],
  summary: 'One image, live or in the trash (then `deleted_at` is set)',
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The image', content: { 'application/json': { schema: GalleryImage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

export function registerGetImage(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const image = await getImage({ ctx, input: { userId: c.get('userId'), id } });
    return c.json(toImageWire(image, ctx), 200);
  });
}
