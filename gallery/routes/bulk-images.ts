import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, idSchema, type App } from '../../shared/http.js';
import { ALBUM_ACTIONS, BULK_ACTIONS, MAX_BULK_IDS, bulkImages } from '../bulk-images.js';
import type { GalleryContext } from '../context.js';

const BulkBody = z
  .object({
    action: z.enum(BULK_ACTIONS).openapi({
      description:
        '`delete` (to the trash), `restore`, `purge` (for good, file included), `favorite`, `unfavorite`, `add_to_album`, `remove_from_album`: each does what its single route does.',
    }),
    ids: z
      .array(idSchema('an image'))
      .min(1, 'ids must name at least one image')
      .max(MAX_BULK_IDS, `ids may name at most ${MAX_BULK_IDS} images`)
      .openapi({ description: `The images, 1 to ${MAX_BULK_IDS}; a repeated id is done once.` }),
    album_id: idSchema('an album').optional().openapi({ description: 'The album, for `add_to_album` and `remove_from_album` (and only for those).' }),
  })
  .superRefine((body, issues) => {
    const needsAlbum = ALBUM_ACTIONS.includes(body.action);
    if (needsAlbum && body.album_id === undefined) {
      issues.addIssue({ code: 'custom', path: ['album_id'], message: `album_id is required for ${body.action}` });
    } else if (!needsAlbum && body.album_id !== undefined) {
      issues.addIssue({ code: 'custom', path: ['album_id'], message: `album_id is only for ${ALBUM_ACTIONS.join(' and ')}` });
    }
  })
  .openapi('BulkImageAction', { example: { action: 'favorite', ids: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'] } });

const ItemError = z.object({ code: z.string().openapi({ example: 'not_found' }), message: z.string() });

const BulkResult = z
  .object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z
      .array(z.object({ id: z.uuid(), ok: z.boolean(), error: ItemError.optional().openapi({ description: 'Why it failed (when `ok` is false), in the codes of the error envelope: `not_found`, `conflict` (the wrong state), `storage_unavailable`…' }) }))
      .openapi({ description: 'One per distinct id, in the order given.' }),
  })
  .openapi('BulkImageResult');

const route = createRoute({
  method: 'post',
  path: '/v1/gallery/bulk',
  operationId: 'bulkImageAction',
  tags: ['gallery'],
  summary: 'One action on up to 500 images; one that fails does not stop the others',
  request: { body: { required: true, content: { 'application/json': { schema: BulkBody } } } },
  responses: {
    200: { description: 'What happened to each image', content: { 'application/json': { schema: BulkResult } } },
    400: errorResponses[400],
    404: { ...errorResponses[404], description: 'No such album for this user (album actions; nothing was done)' },
  },
});

/** `POST /v1/gallery/bulk/`. */
export function registerBulkImages(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const { action, ids, album_id: albumId } = c.req.valid('json');
    const results = await bulkImages({ ctx, input: { userId: c.get('userId'), action, ids, albumId } });
    const failed = results.filter((result) => result.error !== null).length;
    return c.json(
      {
        succeeded: results.length - failed,
        failed,
        results: results.map(({ id, error }) => (error ? { id, ok: false, error: { code: error.code, message: error.message } } : { id, ok: true })),
      },
      200,
    );
  });
}
