import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../shared/http.js';
import type { Context } from 'hono';
import type { WebAsset, WebBundle } from '../../web/build.js';

/**
 * The web app (web/, docs/web.md) at `GET /`, its script and style under `/app/`. Bundled by
 * esbuild when the system starts (gateway/system.ts waits for it, so a build error stops the
 * start); nothing comes from a CDN.
 */

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Atelier</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/app/style.css">
</head>
<body>
  <div id="app"><p>Loading Atelier…</p></div>
  <script type="module" src="/app/main.js"></script>
</body>
</html>`;

/**
 * Only the app's own script and style; the API and Socket.IO on this origin (`ws:`/`wss:` for
 * the WebSocket transport); images from here, from the media URLs' origin (`PUBLIC_URL`, which a
 * proxy may put on another host name) and `blob:`/`data:`. No inline script, no framing.
 */
export function webContentSecurityPolicy(publicUrl: string): string {
  const media = new URL(publicUrl).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${media}`,
    "connect-src 'self' ws: wss:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const pageRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getWebApp',
  tags: ['web'],
  summary: 'The web app: chat, gallery and usage (docs/web.md)',
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

// Two fixed paths rather than `/app/{file}`: nothing to look up, no parameter to check.
const AssetHeaders = z.object({
  ETag: z.string().openapi({ description: "The file's content hash: send it back in `If-None-Match`" }),
  'Content-Encoding': z.literal('gzip').optional().openapi({ description: 'When the request accepts gzip' }),
});
const assetRequest = {
  headers: z.object({
    'if-none-match': z.string().max(1024).optional().openapi({ description: 'The ETag held: 304 while the file is unchanged' }),
  }),
};
const notModified = { 304: { description: 'Unchanged since the ETag in `If-None-Match`', headers: z.object({ ETag: AssetHeaders.shape.ETag }) } };

const scriptRoute = createRoute({
  method: 'get',
  path: '/app/main.js',
  operationId: 'getWebAppScript',
  tags: ['web'],
  summary: "The web app's script (bundled at start)",
  request: assetRequest,
  responses: { 200: { description: 'The script', headers: AssetHeaders, content: { 'text/javascript': { schema: z.string() } } }, ...notModified },
});

const styleRoute = createRoute({
  method: 'get',
  path: '/app/style.css',
  operationId: 'getWebAppStyle',
  tags: ['web'],
  summary: "The web app's style sheet",
  request: assetRequest,
  responses: { 200: { description: 'The style sheet', headers: AssetHeaders, content: { 'text/css': { schema: z.string() } } }, ...notModified },
});

/**
 * A file of the app: `no-cache` (the browser asks again on every load, so a new start's build is
 * picked up at once) with an ETag, so the asking costs a 304 while it is unchanged; gzipped when
 * the browser accepts it (about a third of the size).
 */
function serveAsset(c: Context, asset: WebAsset, type: string): Response {
  const headers: Record<string, string> = { ETag: asset.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  const held = c.req.header('if-none-match') ?? '';
  if (held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === asset.etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = type;
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(asset.gzipped, 200, { ...headers, 'Content-Encoding': 'gzip' });
  return c.body(asset.text, 200, headers);
}

export function registerWebApp(app: App, options: { bundle: () => Promise<WebBundle>; publicUrl: string }): void {
  const policy = webContentSecurityPolicy(options.publicUrl);
  for (const route of [pageRoute, scriptRoute, styleRoute]) app.openAPIRegistry.registerPath(route);

  app.get('/', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': policy, 'Cache-Control': 'no-cache' }));
  app.get('/app/main.js', async (c) => serveAsset(c, (await options.bundle()).script, 'text/javascript; charset=utf-8'));
  app.get('/app/style.css', async (c) => serveAsset(c, (await options.bundle()).style, 'text/css; charset=utf-8'));
}
