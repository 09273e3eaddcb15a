import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { listImages } from '../list-images.js';
import { GalleryImagePage, ListImagesQuery, toImageWire, toListFilter } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/gallery',
  operationId: 'listGalleryImages',
  tags: ['gallery'],
  summary: "The user's gallery, newest or oldest first, filtered and searched (images in the trash are not listed)",
  request: { query: ListImagesQuery },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: GalleryImagePage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

export function registerListImages(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { sort, filter } = toListFilter(query);
    const page = await listImages({ ctx, input: { userId: c.get('userId'), limit: query.limit, cursor: query.cursor, sort, filter } });
    return c.json({ data: page.items.map((row) => toImageWire(row, ctx)), next_cursor: page.nextCursor }, 200);
  });
}
