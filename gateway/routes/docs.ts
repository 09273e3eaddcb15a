import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorBody, errorResponses, type App } from '../../shared/http.js';
import { NotFound } from '../../shared/errors.js';
import { isPublicPath } from '../middleware/authenticate.js';
import { limitedBy } from '../middleware/rate-limit.js';

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

// `validatorUrl: null`: no badge image from validator.swagger.io (the page loads nothing from elsewhere).
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });`;

/**
 * The docs page may load only its own assets: its script and style files, the document it reads
 * (`connect-src`), the `data:` images swagger-ui.css embeds, and the `blob:` URL through which
 * "Try it out" shows an image it fetched (`GET /media/{key}`). No inline script (the start-up
 * is /docs/init.js), no framing, no form posting elsewhere. Swagger UI styles elements through
 * the DOM (`element.style`), which `style-src` does not govern.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths as the API documents them: the trailing-slash form (both forms answer). */
function withTrailingSlashes(paths: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(paths).map(([key, value]) => [/^\/(api|v1|internal)\//.test(key) && !key.endsWith('/') ? `${key}/` : key, value]),
  );
}

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The methods whose body the json-body middleware reads, whether or not the route takes one. */
const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** Liveness answers 200 even while the system starts or stops (gateway/system.ts). */
const NEVER_UNAVAILABLE = new Set(['/health']);

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/** Statuses the gateway itself can answer on an operation, whatever its route declares. */
const GATEWAY_ERRORS: Array<{ status: string; description: string; applies: (method: string, path: string) => boolean }> = [
  {
    status: '400',
    description: 'The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation',
    applies: (method) => BODY_METHODS.has(method),
  },
  { status: '413', description: 'Body larger than the limit (`payload_too_large`)', applies: (method) => BODY_METHODS.has(method) },
  { status: '415', description: 'A body that is not `application/json` (`unsupported_media_type`)', applies: (method) => BODY_METHODS.has(method) },
  {
    status: '401',
    description: 'No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer`',
    applies: (_method, path) => !isPublicPath(documentedPath(path)),
  },
  {
    status: '403',
    description: 'An operators\' route, and the credential is not an admin\'s (`forbidden`)',
    applies: (_method, path) => path.startsWith('/internal/'),
  },
  {
    status: '429',
    description:
      'Too many requests for this user (`rate_limited`, see `RateLimit`), or no image quota left (`quota_exceeded`: posting a message, generating an image); try again after `Retry-After`',
    applies: (method, path) => limitedBy(method, documentedPath(path)) === 'costly',
  },
  {
    status: '429',
    description: 'Too many requests from this address (`rate_limited`, see `RateLimit`), or too many failed sign-ins; try again after `Retry-After`',
    applies: (method, path) => limitedBy(method, documentedPath(path)) === 'auth',
  },
  {
    status: '503',
    description: 'The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After`',
    applies: (_method, path) => !NEVER_UNAVAILABLE.has(path),
  },
];

/** A documented path (`/media/{key}`) as a request would have it, for the public-path check. */
function documentedPath(path: string): string {
  return path.replace(/\/$/, '') || '/';
}

/** Statuses whose answer may say how long to wait. */
const RETRY_STATUSES = new Set(['429', '503']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document's responses made complete: what the gateway's own layers answer is declared here,
 * once, rather than in each route, where it would be forgotten. Clients (and the contract fuzz
 * test, gateway/openapi-fuzz.test.ts) can then rely on every status and header being listed:
 * - every response carries `X-Request-Id` (the requestId middleware; the start/stop answer);
 * - every operation but `/health` may answer 503 `service_unavailable` with `Retry-After`: while
 *   the system starts or stops every other path gets it (gateway/system.ts), and any route may
 *   meet a dependency that is down;
 * - every POST/PUT/PATCH may answer 400 `invalid_json`, 413 and 415: the json-body middleware
 *   reads the body of every such request, also on routes that take none;
 * - 429 and 503 declare `Retry-After`.
 * Statuses only a route can give (404, 409, 422, a provider's 429 and 502) stay in its createRoute.
 */
function withGatewayResponses(paths: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(paths).map(([pathname, item]) => {
      if (!isRecord(item)) return [pathname, item];
      const completed = Object.fromEntries(
        Object.entries(item).map(([method, operation]) => {
          if (!OPERATION_METHODS.includes(method) || !isRecord(operation) || !isRecord(operation.responses)) return [method, operation];
          const responses: Record<string, unknown> = { ...operation.responses };
          for (const { status, description, applies } of GATEWAY_ERRORS) {
            if (!(status in responses) && applies(method, pathname)) responses[status] = { description, content: errorContent };
          }
          // Public operations say so; every other one takes the document's default (bearer).
          const security = isPublicPath(documentedPath(pathname)) ? { security: [] } : {};
          return [
            method,
            {
              ...operation,
              ...security,
              responses: Object.fromEntries(
                Object.entries(responses).map(([status, response]) => [
                  status,
                  withHeaders(status, response, limitedBy(method, documentedPath(pathname)) !== undefined),
                ]),
              ),
            },
          ];
        }),
      );
      return [pathname, completed];
    }),
  );
}

/** `limited`: the operation is rate limited, and its answers say where the caller stands. */
function withHeaders(status: string, response: unknown, limited: boolean): unknown {
  if (!isRecord(response) || '$ref' in response) return response;
  const declared = isRecord(response.headers) ? response.headers : {};
  return {
    ...response,
    headers: {
      'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
      ...(RETRY_STATUSES.has(status) && { 'Retry-After': { $ref: '#/components/headers/Retry-After' } }),
      ...(status === '401' && { 'WWW-Authenticate': { $ref: '#/components/headers/WWW-Authenticate' } }),
      // Counted before the body is read: every answer after authentication says it (a 401 does not).
      ...(limited && {
        'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
        RateLimit: { $ref: '#/components/headers/RateLimit' },
      }),
      // A route's own declaration (e.g. `/ready`'s 503, where Retry-After is always sent) wins.
      ...declared,
    },
  };
}

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tags: ['docs'],
  summary: 'This document (OpenAPI 3.1)',
  responses: { 200: { description: 'The document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

const pageRoute = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'getDocsPage',
  tags: ['docs'],
  summary: 'The browsable API docs (Swagger UI, served locally)',
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

const initRoute = createRoute({
  method: 'get',
  path: '/docs/init.js',
  operationId: 'getDocsScript',
  tags: ['docs'],
  summary: "The docs page's start-up script",
  responses: { 200: { description: 'The script', content: { 'text/javascript': { schema: z.string() } } } },
});

const assetRoute = createRoute({
  method: 'get',
  path: '/docs/assets/{file}',
  operationId: 'getDocsAsset',
  tags: ['docs'],
  summary: "One of the docs page's assets",
  request: { params: z.object({ file: z.enum(Object.keys(ASSETS) as [string, ...string[]]) }) },
  responses: {
    200: {
      description: 'The asset (cached for a day)',
      content: Object.fromEntries(
        Object.values(ASSETS).map((type) => [type.split(';')[0] as string, { schema: z.string().openapi({ format: 'binary' }) }]),
      ),
    },
    404: errorResponses[404],
  },
});

export function registerDocs(app: App, info: { version: string }): void {
  const assetDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();

  // What withGatewayResponses refers to, whichever routes are registered.
  app.openAPIRegistry.register('Error', ErrorBody);
  app.openAPIRegistry.registerComponent('headers', 'X-Request-Id', {
    description: 'The id of this request: the `X-Request-Id` the client sent, else a new one (also `error.request_id`)',
    required: true,
    schema: { type: 'string' },
  });
  app.openAPIRegistry.registerComponent('headers', 'Retry-After', {
    description: 'Seconds to wait before trying again: always on our own 503s, on a provider\'s 429 or 503 when it said',
    required: false,
    schema: { type: 'integer', minimum: 0 },
  });
  app.openAPIRegistry.registerComponent('headers', 'WWW-Authenticate', {
    description: 'The scheme to authenticate with (RFC 6750): `Bearer realm="atelier"`, with `error="invalid_token"` when the one sent was refused',
    required: true,
    schema: { type: 'string' },
  });
  app.openAPIRegistry.registerComponent('headers', 'RateLimit-Policy', {
    description:
      'The rate limit this operation counts against (draft-ietf-httpapi-ratelimit-headers): its name, `q` requests per `w` seconds, e.g. `"costly";q=30;w=60` (per user) or `"auth";q=30;w=60` (per address)',
    required: false,
    schema: { type: 'string', example: '"costly";q=30;w=60' },
  });
  app.openAPIRegistry.registerComponent('headers', 'RateLimit', {
    description: 'Where the caller stands in that limit: `r` requests remaining, `t` seconds until the window starts again, e.g. `"costly";r=12;t=40`',
    required: false,
    schema: { type: 'string', example: '"costly";r=12;t=40' },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An access token (`POST /v1/auth/login` or `/register`), an API key (`atl_…`, `POST /v1/api-keys`), or a JWT from the identity provider the instance trusts.',
  });
  for (const route of [documentRoute, pageRoute, initRoute, assetRoute]) app.openAPIRegistry.registerPath(route);

  app.get('/openapi.json', (c) => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Atelier',
        version: info.version,
        description:
          'Chat messages in, images out. A message is answered at once (202) and made in the background: follow it with the realtime events (Socket.IO and Server-Sent Events), described in the AsyncAPI 3.0 document at [/asyncapi.json](/asyncapi.json), or poll it.',
      },
      externalDocs: { description: 'The realtime events: the AsyncAPI document', url: '/asyncapi.json' },
    });
    return c.json({ ...document, servers: [{ url: '/', description: 'This Atelier' }], security: [{ bearerAuth: [] }], paths: withGatewayResponses(withTrailingSlashes(document.paths ?? {})) });
  });

  app.get('/docs', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': DOCS_CONTENT_SECURITY_POLICY }));
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
