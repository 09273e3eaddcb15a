import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { getLineage } from '../get-lineage.js';
import { GalleryImage, ImageIdParam, toImageWire } from '../schemas.js';

const ImageLineage = z
  .object({
    image: GalleryImage,
    ancestors: z.array(GalleryImage).openapi({ description: 'Oldest first: the first image of the chain, …, the parent' }),
    descendants: z.array(GalleryImage).openapi({ description: 'Every image made from this one, directly or not, oldest first (at most 500)' }),
  })
  .openapi('ImageLineage');

const route = createRoute({
  method: 'get',
  path: '/v1/gallery/{id}/lineage',
  operationId: 'getImageLineage',
  tags: ['gallery'],
  summary: 'Where an image came from (its parents) and what was made from it (edits, enhances of it)',
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The image and its lineage', content: { 'application/json': { schema: ImageLineage } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

export function registerGetLineage(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const lineage = await getLineage({ ctx, input: { userId: c.get('userId'), id } });
    const wire = (row: Parameters<typeof toImageWire>[0]) => toImageWire(row, ctx);
    return c.json({ image: wire(lineage.image), ancestors: lineage.ancestors.map(wire), descendants: lineage.descendants.map(wire) }, 200);
  });
}
