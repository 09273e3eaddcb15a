import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { deleteImage } from '../delete-image.js';
import { GalleryImage, ImageIdParam, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/gallery/{id}',
  operationId: 'deleteGalleryImage',
  tags: ['gallery'],
  summary: 'Move an image to the trash (idempotent: an image already there is returned unchanged)',
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The image, `deleted_at` set', content: { 'application/json': { schema: GalleryImage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

export function registerDeleteImage(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const image = await deleteImage({ ctx, input: { userId: c.get('userId'), id } });
    return c.json(toImageWire(image, ctx), 200);
  });
}
