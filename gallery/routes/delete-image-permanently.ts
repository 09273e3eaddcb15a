import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { deleteImagePermanently } from '../delete-image-permanently.js';
import { ImageIdParam } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/gallery/{id}/permanent',
  operationId: 'deleteGalleryImagePermanently',
  tags: ['gallery'],
  summary: 'Remove an image and its stored file for good (live or in the trash)',
  request: { params: ImageIdParam },
  responses: {
    204: { description: 'Gone' },
    400: errorResponses[400],
    404: errorResponses[404],
    // Removing a Cloudinary file: the provider's refusals come back as they happen.
    429: errorResponses[429],
    502: errorResponses[502],
    503: errorResponses[503],
  },
});

export function registerDeleteImagePermanently(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    await deleteImagePermanently({ ctx, input: { userId: c.get('userId'), id } });
    return c.body(null, 204);
  });
}
