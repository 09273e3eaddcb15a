import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { App } from '../../shared/http.js';
import { NotFound } from '../../shared/errors.js';

/**
 * `GET /openapi.json` and the docs page at `GET /docs`. The page's assets come from the installed
 * swagger-ui-dist package, served by us: no CDN, so the docs work offline and behind firewalls.
 */

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Atelier API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** Paths as the API documents them: the trailing-slash form (both forms answer). */
function withTrailingSlashes(paths: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(paths).map(([key, value]) => [/^\/(api|v1|internal)\//.test(key) && !key.endsWith('/') ? `${key}/` : key, value]),
  );
}

export function registerDocs(app: App, info: { version: string }): void {
  const assetDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();

  app.get('/openapi.json', (c) => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Atelier',
        version: info.version,
        description: 'Chat messages in, images out. See the README for the realtime events.',
      },
    });
    return c.json({ ...document, paths: withTrailingSlashes(document.paths ?? {}) });
  });

  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) throw new NotFound('docs asset', file);
    let body = cache.get(file);
    if (!body) {
      body = await readFile(path.join(assetDir, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
