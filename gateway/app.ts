import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { AppError } from '../shared/errors.js';
import type { App, AppEnv } from '../shared/http.js';
import type { Logger } from '../shared/logger.js';
import type { OutageMonitor } from '../shared/outages.js';
import { errorResponse, validationFailedFrom } from './errors.js';
import { authenticateRequests, type Authenticator } from './middleware/authenticate.js';
import { connectionHygiene } from './middleware/connection.js';
import { jsonBody } from './middleware/json-body.js';
import { responseHeaders, type HstsPolicy } from './middleware/response-headers.js';

export interface AppOptions {
  logger: Logger;
  /** Who a bearer credential is (the identity service's `authenticate`). */
  authenticate: Authenticator;
  /** The browser origins allowed (see cors-origins.ts). */
  corsOrigins: string[] | '*';
  /** When answers carry `Strict-Transport-Security`; default `never` (see response-headers.ts). */
  hsts?: HstsPolicy;
  bodyLimitBytes: number;
  /** Routes whose body is a file, not JSON: they read and limit it themselves (e.g. `POST /v1/gallery/recall/`). */
  uploadPaths?: readonly string[];
  /**
   * Counts the limited requests (gateway/middleware/rate-limit.ts): after authentication, which it
   * needs for the user, and before the body is read, so a refused request costs little.
   */
  rateLimit?: MiddlewareHandler<AppEnv>;
  /** Told of each outage a request meets, so it is logged once, not per request. */
  outages?: OutageMonitor;
  /** Whether the process is stopping: answers then say `Connection: close`. */
  isStopping?: () => boolean;
  /** Registers the routes, in the order they are listed (see gateway/routes.ts). */
  register: (app: App) => void;
}

/** Response headers a browser's script may read. */
export const EXPOSED_HEADERS = ['X-Request-Id', 'Location', 'Retry-After', 'Idempotent-Replayed', 'WWW-Authenticate', 'RateLimit-Policy', 'RateLimit'];

/**
 * The one Hono app: middleware, the error envelope for every failure, then the routes.
 * `strict: false` makes every path answer with and without its trailing slash.
 */
export function createApp(options: AppOptions): App {
  const app = new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) throw validationFailedFrom(result.error, targetName(result.target));
    },
  });

  const isStopping = options.isStopping ?? (() => false);
  app.use(connectionHygiene({ isStopping }));
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(responseHeaders({ corsOrigins: options.corsOrigins, exposeHeaders: EXPOSED_HEADERS, hsts: options.hsts }));
  app.use(authenticateRequests(options.authenticate));
  if (options.rateLimit) app.use(options.rateLimit);
  app.use(jsonBody({ limitBytes: options.bodyLimitBytes, formPaths: ['/s/'], uploadPaths: options.uploadPaths }));

  options.register(app);

  app.notFound((c) =>
    errorResponse(c, new AppError('route_not_found', `no route for ${c.req.method} ${c.req.path}`), options.logger),
  );
  app.onError((error, c) => errorResponse(c, error, options.logger, options.outages));
  return app;
}

function targetName(target: string): string {
  return target === 'json' ? 'body' : target;
}
