import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ExportsContext } from '../exports/context.js';
import { getExport } from '../exports/get-export.js';
import { ExportIdParam, GalleryExport, toExportWire } from '../exports/schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/gallery/exports/{id}',
  operationId: 'getExport',
  tags: ['gallery'],
  summary: 'An export: its status, progress and, once done, a signed download URL',
  request: { params: ExportIdParam },
  responses: {
    200: { description: 'The export', content: { 'application/json': { schema: GalleryExport } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

export function registerGetExport(app: App, ctx: ExportsContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const row = await getExport({ ctx, input: { userId: c.get('userId'), id } });
    // A done export's URL changes with nothing but its own expiry; never keep a status for long.
    c.header('Cache-Control', 'private, no-store');
    return c.json(toExportWire(row, ctx), 200);
  });
}
