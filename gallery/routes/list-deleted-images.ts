import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { GalleryContext } from '../context.js';
import { listDeletedImages } from '../list-deleted-images.js';
import { purgeAtOf } from '../purge-trash.js';
import { TrashPage, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/gallery/deleted',
  operationId: 'listDeletedImages',
  tags: ['gallery'],
  summary: "The user's trash, most recently deleted first, each with when it will be purged",
  request: { query: PageQuery },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: TrashPage } } },
    400: errorResponses[400],
    503: errorResponses[503],
  },
});

/** Must be registered before `GET /v1/gallery/{id}`, or "deleted" is read as an id. */
export function registerListDeletedImages(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listDeletedImages({ ctx, input: { userId: c.get('userId'), limit, cursor } });
    const data = page.items.map((row) => ({
      ...toImageWire(row, ctx),
      purge_at: purgeAtOf(ctx, row.deletedAt ?? new Date()).toISOString(),
    }));
    return c.json({ data, next_cursor: page.nextCursor }, 200);
  });
}
