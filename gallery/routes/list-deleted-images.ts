import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { GalleryContext } from '../context.js';
import { listDeletedImages } from '../list-deleted-images.js';
import { GalleryImagePage, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/gallery/deleted',
  tags: ['gallery'],
  summary: "The user's trash, most recently deleted first",
  request: { query: PageQuery },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: GalleryImagePage } } },
    400: errorResponses[400],
    503: errorResponses[503],
  },
});

/** Must be registered before `GET /v1/gallery/{id}`, or "deleted" is read as an id. */
export function registerListDeletedImages(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listDeletedImages({ ctx, input: { userId: c.get('userId'), limit, cursor } });
    return c.json({ data: page.items.map((row) => toImageWire(row, ctx.links)), next_cursor: page.nextCursor }, 200);
  });
}
