import { createRoute, z } from '@hono/zod-openapi';
import { absoluteUrl, errorResponses, type App } from '../../shared/http.js';
import type { ExportsContext } from '../exports/context.js';
import { createExport } from '../exports/create-export.js';
import { CreateExportBody, GalleryExport, toExportWire } from '../exports/schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/gallery/exports',
  operationId: 'createExport',
  tags: ['gallery'],
  summary: 'Export images (by id or by filter) as png, jpg, webp, a PDF or a zip',
  description:
    'Answers 202 at once with the queued export; it is built in the background. Follow it with `gallery.export.updated` ' +
    'events over Socket.IO, or poll the URL in `Location`; once `done`, `download_url` is a signed link that works until ' +
    '`expires_at` (EXPORT_TTL_S), when the file is removed. At most EXPORT_MAX_IMAGES images (default 5000). ' +
    'png, jpg and webp exports of several images come as a zip of the converted images with `metadata.json`.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateExportBody } } } },
  responses: {
    202: {
      description: 'Queued',
      headers: z.object({ Location: z.string().openapi({ description: 'The URL to poll' }) }),
      content: { 'application/json': { schema: GalleryExport } },
    },
    400: { ...errorResponses[400], description: 'A bad field, an empty selection, more images than EXPORT_MAX_IMAGES, or an image with no stored file' },
    404: { ...errorResponses[404], description: 'An id that is not one of your live images (which one is not said)' },
    413: errorResponses[413],
    415: errorResponses[415],
    503: errorResponses[503],
  },
});

export function registerCreateExport(app: App, ctx: ExportsContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const row = await createExport({
      ctx,
      input: {
        userId: c.get('userId'),
        ids: body.ids,
        filter: body.filter && {
          sessionId: body.filter.session_id,
          messageId: body.filter.message_id,
          intent: body.filter.intent,
          provider: body.filter.provider,
          model: body.filter.model,
          isNsfw: body.filter.is_nsfw,
          favorite: body.filter.favorite,
          albumId: body.filter.album_id,
          createdAfter: body.filter.created_after,
          createdBefore: body.filter.created_before,
          q: body.filter.q,
        },
        format: body.format,
        size: body.size,
        quality: body.quality,
      },
    });
    c.header('Location', absoluteUrl(ctx.publicUrl, `/v1/gallery/exports/${row.id}/`));
    return c.json(toExportWire(row, ctx), 202);
  });
}
