import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, idSchema, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { createShare } from '../create-share.js';
import { listShares } from '../list-shares.js';
import { revokeShare } from '../revoke-share.js';
import type { GalleryShareRow } from '../schema.js';
import { ImageIdParam } from '../schemas.js';

/** The longest a link may live: a year. Without `expires_in` it never expires (until revoked). */
export const MAX_SHARE_TTL_S = 365 * 24 * 3600;

const timestamp = z.iso.datetime().openapi({ example: '2025-01-01T12:00:00.000Z' });

const ShareLink = z
  .object({
    id: z.uuid(),
    image_id: z.uuid(),
    allow_download: z.boolean(),
    show_prompt: z.boolean(),
    has_password: z.boolean(),
    views: z.number().int().openapi({ description: 'Pages and JSON reads of the link that showed the image (not image fetches)' }),
    created_at: timestamp,
    expires_at: timestamp.nullable().openapi({ description: 'Null: never expires' }),
    revoked_at: timestamp.nullable(),
  })
  .openapi('ShareLink');

const NewShareLink = ShareLink.extend({
  token: z.string().openapi({ description: 'Shown only here: Atelier keeps a hash of it, never the token' }),
  url: z.string().openapi({ description: 'The public link, `{PUBLIC_URL}/s/{token}`' }),
}).openapi('NewShareLink');

const CreateShareBody = z
  .object({
    expires_in: z
      .int({ message: 'expires_in must be a whole number of seconds' })
      .min(1)
      .max(MAX_SHARE_TTL_S)
      .optional()
      .openapi({ description: `Seconds until the link stops working (1 to ${MAX_SHARE_TTL_S}); unset: until revoked` }),
    password: z.string().min(1).max(256).optional().openapi({ description: 'Visitors must give it (form field or `X-Share-Password`)' }),
    allow_download: z.boolean().optional().openapi({ description: 'Offer the file as a download (default true); viewing always works' }),
    show_prompt: z.boolean().optional().openapi({ description: 'Show the prompt on the page (default true)' }),
  })
  .strict();

const ShareParams = ImageIdParam.extend({
  share_id: idSchema('a share link').openapi({ param: { name: 'share_id', in: 'path' } }),
});

function toShareWire(row: GalleryShareRow) {
  return {
    id: row.id,
    image_id: row.imageId,
    allow_download: row.allowDownload,
    show_prompt: row.showPrompt,
    has_password: row.passwordHash !== null,
    views: row.views,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

const create = createRoute({
  method: 'post',
  path: '/v1/gallery/{id}/shares',
  operationId: 'createShare',
  tags: ['gallery'],
  summary: 'Make a public link to one of your live images',
  description: 'The token is returned once: only its hash is kept. See docs/gallery.md, "Share links".',
  request: { params: ImageIdParam, body: { content: { 'application/json': { schema: CreateShareBody } }, required: false } },
  responses: {
    201: { description: 'The link', content: { 'application/json': { schema: NewShareLink } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/gallery/{id}/shares',
  operationId: 'listShares',
  tags: ['gallery'],
  summary: "An image's links, newest first (revoked and expired ones too)",
  request: { params: ImageIdParam },
  responses: {
    200: { description: 'The links', content: { 'application/json': { schema: z.object({ items: z.array(ShareLink) }) } } },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/v1/gallery/{id}/shares/{share_id}',
  operationId: 'revokeShare',
  tags: ['gallery'],
  summary: 'Revoke a link: it answers 404 from now on',
  request: { params: ShareParams },
  responses: {
    204: { description: 'Revoked (or already revoked)' },
    400: errorResponses[400],
    404: errorResponses[404],
    503: errorResponses[503],
  },
});

/** `POST`, `GET /v1/gallery/{id}/shares/`, `DELETE /v1/gallery/{id}/shares/{share_id}/`. */
export function registerShares(app: App, ctx: GalleryContext): void {
  app.openapi(create, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') ?? {};
    const { share, token } = await createShare({
      ctx,
      input: {
        userId: c.get('userId'),
        imageId: id,
        expiresIn: body.expires_in,
        password: body.password,
        allowDownload: body.allow_download,
        showPrompt: body.show_prompt,
      },
    });
    const base = ctx.shares?.publicUrl ?? new URL(c.req.url).origin;
    return c.json({ ...toShareWire(share), token, url: `${base}/s/${token}` }, 201);
  });
  app.openapi(list, async (c) => {
    const { id } = c.req.valid('param');
    const rows = await listShares({ ctx, input: { userId: c.get('userId'), imageId: id } });
    return c.json({ items: rows.map(toShareWire) }, 200);
  });
  app.openapi(revoke, async (c) => {
    const { id, share_id } = c.req.valid('param');
    await revokeShare({ ctx, input: { userId: c.get('userId'), imageId: id, shareId: share_id } });
    return c.body(null, 204);
  });
}
