import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { NotFound } from '../../shared/errors.js';
import type { WebBundle } from '../../web/build.js';

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

const ASSETS = {
  'main.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
} as const;

const pageRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getWebApp',
  tags: ['web'],
  summary: 'The web app: chat, gallery and usage (docs/web.md)',
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

const assetRoute = createRoute({
  method: 'get',
  path: '/app/{file}',
  operationId: 'getWebAppAsset',
  tags: ['web'],
  summary: "The web app's script or style sheet",
  request: { params: z.object({ file: z.enum(Object.keys(ASSETS) as [keyof typeof ASSETS, ...Array<keyof typeof ASSETS>]) }) },
  responses: {
    200: {
      description: 'The asset',
      content: {
        'text/javascript': { schema: z.string() },
        'text/css': { schema: z.string() },
      },
    },
    404: errorResponses[404],
  },
});

export function registerWebApp(app: App, options: { bundle: () => Promise<WebBundle>; publicUrl: string }): void {
  const policy = webContentSecurityPolicy(options.publicUrl);
  for (const route of [pageRoute, assetRoute]) app.openAPIRegistry.registerPath(route);

  app.get('/', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': policy, 'Cache-Control': 'no-cache' }));
  app.get('/app/:file', async (c) => {
    const file = c.req.param('file');
    if (file !== 'main.js' && file !== 'style.css') throw new NotFound('web app asset', file);
    const bundle = await options.bundle();
    return c.body(file === 'main.js' ? bundle.script : bundle.style, 200, { 'Content-Type': ASSETS[file], 'Cache-Control': 'no-cache' });
  });
}
