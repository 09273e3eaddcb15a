import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../shared/http.js';
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

const pageRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getWebApp',
  tags: ['web'],
  summary: 'The web app: chat, gallery and usage (docs/web.md)',
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

// Two fixed paths rather than `/app/{file}`: nothing to look up, no parameter to check.
const scriptRoute = createRoute({
  method: 'get',
  path: '/app/main.js',
  operationId: 'getWebAppScript',
  tags: ['web'],
  summary: "The web app's script (bundled at start)",
  responses: { 200: { description: 'The script', content: { 'text/javascript': { schema: z.string() } } } },
});

const styleRoute = createRoute({
  method: 'get',
  path: '/app/style.css',
  operationId: 'getWebAppStyle',
  tags: ['web'],
  summary: "The web app's style sheet",
  responses: { 200: { description: 'The style sheet', content: { 'text/css': { schema: z.string() } } } },
});

export function registerWebApp(app: App, options: { bundle: () => Promise<WebBundle>; publicUrl: string }): void {
  const policy = webContentSecurityPolicy(options.publicUrl);
  for (const route of [pageRoute, scriptRoute, styleRoute]) app.openAPIRegistry.registerPath(route);

  app.get('/', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': policy, 'Cache-Control': 'no-cache' }));
  app.get('/app/main.js', async (c) =>
    c.body((await options.bundle()).script, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  app.get('/app/style.css', async (c) =>
    c.body((await options.bundle()).style, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
}
