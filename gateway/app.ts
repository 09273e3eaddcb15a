import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../shared/errors.js';
import type { App, AppEnv } from '../shared/http.js';
import type { Logger } from '../shared/logger.js';
import { errorResponse, validationFailedFrom } from './errors.js';
import { requireJsonBody } from './middleware/require-json-body.js';

export interface AppOptions {
  logger: Logger;
  localUserId: string;
  corsOrigins: string[] | '*';
  bodyLimitBytes: number;
  /** Registers the routes, in the order they are listed (see gateway/routes.ts). */
  register: (app: App) => void;
}

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

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    cors({
      origin: options.corsOrigins === '*' ? '*' : options.corsOrigins,
      exposeHeaders: ['X-Request-Id', 'Location', 'Retry-After'],
    }),
  );
  app.use(async (c, next) => {
    // Authentication will set this from the credential; until then everything is the local user.
    c.set('userId', options.localUserId);
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: (c) =>
        errorResponse(
          c,
          new AppError('payload_too_large', `request body is larger than ${options.bodyLimitBytes} bytes`),
          options.logger,
        ),
    }),
  );
  app.use(requireJsonBody());

  options.register(app);

  app.notFound((c) =>
    errorResponse(c, new AppError('route_not_found', `no route for ${c.req.method} ${c.req.path}`), options.logger),
  );
  app.onError((error, c) => errorResponse(c, error, options.logger));
  return app;
}

function targetName(target: string): string {
  return target === 'json' ? 'body' : target;
}
