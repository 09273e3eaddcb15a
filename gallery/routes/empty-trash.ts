import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { emptyTrash } from '../purge-trash.js';
import { EmptiedTrash } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/gallery/deleted',
  operationId: 'emptyTrash',
  tags: ['gallery'],
  summary: "Empty the user's trash now: every trashed image and its file deleted for good",
  description:
    'What the retention purge would do after TRASH_RETENTION_DAYS, now, for the caller\'s trash only. Each image ' +
    'is announced as `gallery.image.deleted` with `permanent: true`. An image whose file cannot be removed stays in ' +
    'the trash (and is not counted); emptying again retries it.',
  responses: {
    200: { description: 'How many images were deleted for good', content: { 'application/json': { schema: EmptiedTrash } } },
    503: errorResponses[503],
  },
});

/** Must be registered before `DELETE /v1/gallery/{id}`, or "deleted" is read as an id. */
export function registerEmptyTrash(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { deleted } = await emptyTrash({ ctx, input: { userId: c.get('userId') } });
    return c.json({ deleted }, 200);
  });
}
