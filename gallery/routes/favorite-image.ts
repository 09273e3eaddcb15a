import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { favoriteImage } from '../favorite-image.js';
import { GalleryImage, ImageIdParam, toImageWire } from '../schemas.js';
import { unfavoriteImage } from '../unfavorite-image.js';

const star = createRoute({
  method: 'put',
  path: '/v1/gallery/{id}/favorite',
  operationId: 'favoriteImage',
  tags: ['gallery'],
  summary: 'Star an image (idempotent)',
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The image, `favorite` true', content: { 'application/json': { schema: GalleryImage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    409: { ...errorResponses[409], description: 'The image is in the trash: restore it first' },
    503: errorResponses[503],
  },
});

const unstar = createRoute({
  method: 'delete',
  path: '/v1/gallery/{id}/favorite',
  operationId: 'unfavoriteImage',
  tags: ['gallery'],
  summary: 'Unstar an image, live or in the trash (idempotent)',
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The image, `favorite` false', content: { 'application/json': { schema: GalleryImage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

/** `PUT` and `DELETE /v1/gallery/{id}/favorite/`. */
export function registerFavoriteImage(app: App, ctx: GalleryContext): void {
  app.openapi(star, async (c) => {
    const { id } = c.req.valid('param');
    const image = await favoriteImage({ ctx, input: { userId: c.get('userId'), id } });
    return c.json(toImageWire(image, ctx), 200);
  });
  app.openapi(unstar, async (c) => {
    const { id } = c.req.valid('param');
    const image = await unfavoriteImage({ ctx, input: { userId: c.get('userId'), id } });
    return c.json(toImageWire(image, ctx), 200);
  });
}
