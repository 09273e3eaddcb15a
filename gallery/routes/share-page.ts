import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { errorResponses, type App, type AppEnv } from '../../shared/http.js';
import type { GalleryContext, ShareOptions } from '../context.js';
import { openShare, shareNotFound, type OpenedShare } from '../open-share.js';

/**
 * The public side of share links: `/s/{token}` (a page, or JSON for `Accept: application/json`)
 * and `/s/{token}/image` (the file). No credential: the token is one. A password travels in a
 * POSTed form field or the `X-Share-Password` header, never in the URL (URLs end up in logs).
 * Every failure is the same 404 (see open-share.ts); the HTML 404 carries the password form, so
 * a protected link looks exactly like a dead one until its password is given.
 */

/** How long the signed image URL a protected page embeds stays valid. */
const PROTECTED_IMAGE_TTL_S = 600;

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

const PAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const TOKEN_PARAM = z.object({
  token: z.string().max(64).openapi({ param: { name: 'token', in: 'path' }, description: 'The link\'s token' }),
});

const PASSWORD_HEADER = z.object({
  'x-share-password': z.string().max(256).optional().openapi({ description: 'The link\'s password, when it has one' }),
});

const SharedImage = z
  .object({
    image: z.object({
      url: z.string().openapi({ description: 'The image (`/s/{token}/image`; signed for a few minutes when the link has a password)' }),
      download_url: z.string().nullable().openapi({ description: 'Null unless the owner allows downloads' }),
      width: z.number().int(),
      height: z.number().int(),
      format: z.string(),
      prompt: z.string().nullable().openapi({ description: 'Null when the owner hides it' }),
      refined_prompt: z.string().nullable(),
      created_at: z.iso.datetime(),
    }),
    owner: z.object({ display_name: z.string().nullable() }),
    expires_at: z.iso.datetime().nullable(),
  })
  .openapi('SharedImage');

const PasswordForm = z.object({ password: z.string().max(256).optional() });

const NOINDEX = { 'X-Robots-Tag': { description: '`noindex`: a shared link is not for search engines', schema: { type: 'string' as const } } };

const page = {
  200: {
    description: 'The image: a page when `Accept` names `text/html` (a browser), JSON otherwise',
    headers: NOINDEX,
    content: { 'text/html': { schema: z.string() }, 'application/json': { schema: SharedImage } },
  },
  404: {
    description: 'No such link, or revoked, expired, its image trashed, or a missing or wrong password: always the same answer',
    content: { 'text/html': { schema: z.string() }, 'application/json': { schema: errorResponses[404].content['application/json'].schema } },
  },
  429: errorResponses[429],
  503: errorResponses[503],
};

const view = createRoute({
  method: 'get',
  path: '/s/{token}',
  operationId: 'getSharePage',
  tags: ['share links'],
  summary: 'A shared image (public)',
  security: [],
  request: { params: TOKEN_PARAM, headers: PASSWORD_HEADER },
  responses: { ...page, 400: errorResponses[400] },
});

const unlock = createRoute({
  method: 'post',
  path: '/s/{token}',
  operationId: 'unlockSharePage',
  tags: ['share links'],
  summary: 'A shared image behind a password (public): the form posts here',
  security: [],
  request: {
    params: TOKEN_PARAM,
    body: {
      content: { 'application/x-www-form-urlencoded': { schema: PasswordForm }, 'application/json': { schema: PasswordForm } },
      required: false,
    },
  },
  responses: { ...page, 400: errorResponses[400], 413: errorResponses[413], 415: errorResponses[415] },
});

const file = createRoute({
  method: 'get',
  path: '/s/{token}/image',
  operationId: 'getSharedImageFile',
  tags: ['share links'],
  summary: "A shared image's file (public)",
  description:
    'Always served for viewing (inline); `?download=1` serves it as an attachment, only when the owner allows downloads. A protected link needs `X-Share-Password` or the signed URL its page or JSON gave.',
  security: [],
  request: {
    params: TOKEN_PARAM,
    headers: PASSWORD_HEADER,
    query: z.object({
      download: z.enum(['0', '1']).optional(),
      expires: z.string().max(20).optional(),
      signature: z.string().max(64).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The file',
      headers: {
        ...NOINDEX,
        'Content-Disposition': { description: '`inline`, or `attachment` with `?download=1`', schema: { type: 'string' as const } },
      },
      content: Object.fromEntries(
        [...new Set(Object.values(CONTENT_TYPES))].map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
      ),
    },
    400: errorResponses[400],
    404: errorResponses[404],
    429: errorResponses[429],
    503: errorResponses[503],
  },
});

export function registerSharePages(app: App, ctx: GalleryContext): void {
  const shares = ctx.shares;
  if (!shares) return;
  const open = (c: Context<AppEnv>, input: { token: string; password?: string | undefined; passwordProven?: boolean; countView: boolean }) =>
    openShare({ ctx: { db: ctx.db, guard: shares.guard }, input: { ...input, address: shares.clientAddress(c) } });

  const answer = async (c: Context<AppEnv>, token: string, password: string | undefined) => {
    const wantsJson = prefersJson(c);
    let opened: OpenedShare;
    try {
      opened = await open(c, { token, password, countView: true });
    } catch (error) {
      if (!wantsJson && isNotFound(error)) return notFoundPage(c, token);
      throw error;
    }
    const body = await sharedImage(shares, token, opened);
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    if (wantsJson) return c.json(body, 200);
    return c.html(renderPage(body), 200, { 'Content-Security-Policy': PAGE_CSP });
  };

  app.openapi(view, async (c) => answer(c, c.req.valid('param').token, c.req.valid('header')['x-share-password']));
  app.openapi(unlock, async (c) => {
    const type = c.req.header('content-type') ?? '';
    let password: string | undefined;
    if (type.startsWith('application/x-www-form-urlencoded')) password = c.req.valid('form')?.password;
    else if (type.startsWith('application/json')) password = c.req.valid('json')?.password;
    return answer(c, c.req.valid('param').token, password ?? c.req.header('x-share-password'));
  });

  app.openapi(file, async (c) => {
    const { token } = c.req.valid('param');
    const query = c.req.valid('query');
    const proven = query.signature !== undefined && shares.signer.verify(c.req.path, new URL(c.req.url).searchParams).ok;
    const { share, image } = await open(c, { token, password: c.req.valid('header')['x-share-password'], passwordProven: proven, countView: false });
    const download = query.download === '1';
    if (download && !share.allowDownload) throw shareNotFound();
    if (image.storage === 'external' || !image.storageKey) {
      // A linked image lives elsewhere: send the visitor there.
      return c.redirect(image.url as string, 302);
    }
    // A file gone from storage is the same 404 (the storage's own error would name its key).
    const bytes = await ctx.storage.get({ key: image.storageKey, url: image.url ?? '' }).catch((error: unknown) => {
      throw isNotFound(error) ? shareNotFound() : error;
    });
    c.header('Content-Type', CONTENT_TYPES[image.format] ?? 'application/octet-stream');
    c.header('Cache-Control', 'private, no-store');
    c.header('X-Robots-Tag', 'noindex');
    c.header('Content-Disposition', download ? `attachment; filename="shared-image.${image.format === 'jpeg' ? 'jpg' : image.format}"` : 'inline');
    return c.body(new Uint8Array(bytes), 200);
  });
}

/** A page for a browser (its `Accept` names `text/html`, as every browser's navigation does); JSON for anything else. */
function prefersJson(c: Context): boolean {
  return !(c.req.header('accept') ?? '').includes('text/html');
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'not_found';
}

type SharedImageBody = z.infer<typeof SharedImage>;

async function sharedImage(shares: ShareOptions, token: string, opened: OpenedShare): Promise<SharedImageBody> {
  const { share, image } = opened;
  const path = `/s/${token}/image`;
  // A protected link's image URL carries a short-lived signature instead of the password.
  const imagePath = share.passwordHash === null ? path : shares.signer.sign(path, Math.floor(Date.now() / 1000) + PROTECTED_IMAGE_TTL_S);
  const downloadPath = imagePath + (imagePath.includes('?') ? '&' : '?') + 'download=1';
  return {
    image: {
      url: `${shares.publicUrl}${imagePath}`,
      download_url: share.allowDownload ? `${shares.publicUrl}${downloadPath}` : null,
      width: image.width,
      height: image.height,
      format: image.format,
      prompt: share.showPrompt ? image.prompt : null,
      refined_prompt: share.showPrompt ? image.refinedPrompt : null,
      created_at: image.createdAt.toISOString(),
    },
    owner: { display_name: await shares.displayNameOf(share.userId) },
    expires_at: share.expiresAt?.toISOString() ?? null,
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/** Page URLs are relative (same origin as the page), so the CSP's `img-src 'self'` holds behind any proxy. */
const relative = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}img{max-width:100%;height:auto}figcaption{margin-top:.5rem;color:#555}';

function renderPage(body: SharedImageBody): string {
  const { image, owner } = body;
  const by = owner.display_name ? `Shared by ${escapeHtml(owner.display_name)}` : 'Shared image';
  const caption = image.prompt ? `<figcaption>${escapeHtml(image.prompt)}</figcaption>` : '';
  const download = image.download_url ? `<p><a href="${escapeHtml(relative(image.download_url))}">Download</a></p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${by}</title><style>${STYLE}</style></head><body><p>${by}</p><figure><img src="${escapeHtml(relative(image.url))}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.prompt ?? 'shared image')}">${caption}</figure>${download}</body></html>`;
}

/** The one page for every link that cannot be shown: it offers the password form, whatever the reason. */
function notFoundPage(c: Context<AppEnv>, token: string) {
  const action = `/s/${encodeURIComponent(token)}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Link not available</title><style>${STYLE}</style></head><body><h1>This link is not available</h1><p>It may have expired or been revoked. If it has a password, enter it:</p><form method="post" action="${escapeHtml(action)}"><label for="password">Password</label> <input type="password" id="password" name="password" autocomplete="off" required maxlength="256"> <button type="submit">Open</button></form></body></html>`;
  c.header('Cache-Control', 'no-store');
  return c.html(html, 404, { 'Content-Security-Policy': PAGE_CSP });
}
