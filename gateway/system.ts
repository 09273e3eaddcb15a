import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { startPipelineWorkers, type PipelineWorkers } from '../conversation/index.js';
import type { Config } from '../shared/config.js';
import { createRedis, type Redis } from '../shared/connections/redis.js';
import type { App } from '../shared/http.js';
import type { Logger } from '../shared/logger.js';
import { createApp } from './app.js';
import { buildContext, type AtelierContext } from './context.js';
import { attachRealtime } from './realtime.js';
import { galleryContext, registerRoutes } from './routes.js';

export interface Atelier {
  ctx: AtelierContext;
  /** Where the gateway listens (`undefined` for a worker-only process). */
  url: string | undefined;
  /** Stop taking requests, let running jobs finish, close every connection. */
  stop(): Promise<void>;
}

export interface StartOptions {
  version: string;
  /** Tests: the recovery sweep's timing; `false` switches it off. */
  recovery?: { intervalMs: number; idleMs: number } | false;
}

/**
 * Start the roles in `ATELIER_ROLES` in this process: the gateway (HTTP + Socket.IO on one port)
 * and/or the pipeline workers. The gateway listens first, answering 503 until everything is
 * built, so the URLs handed out can name the port it really got (port 0 in tests).
 */
export async function startAtelier(config: Config, logger: Logger, options: StartOptions): Promise<Atelier> {
  const runsGateway = config.roles.has('gateway');
  let app: App | undefined;
  let server: HttpServer | undefined;
  let port = config.port;

  if (runsGateway) {
    server = createAdaptorServer({
      fetch: (request: Request, env: unknown) =>
        app ? app.fetch(request, env) : Response.json({ error: { code: 'service_unavailable', message: 'starting', request_id: '', details: [] } }, { status: 503 }),
    }) as HttpServer;
    await listen(server, config.port, config.host);
    port = (server.address() as AddressInfo).port;
  }

  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  let ctx: AtelierContext;
  try {
    ctx = await buildContext(config, logger, publicUrl);
  } catch (error) {
    server?.close();
    throw error;
  }

  let workers: PipelineWorkers | undefined;
  let workerRedis: Redis | undefined;
  if (config.roles.has('worker')) {
    workerRedis = createRedis(ctx.redisUrl);
    workers = startPipelineWorkers(
      { ...ctx, gallery: galleryContext(ctx) },
      {
        connection: workerRedis,
        prefix: config.queuePrefix,
        concurrency: config.workerConcurrency,
        lockDurationMs: config.jobLockMs,
        ...(options.recovery !== undefined ? { recovery: options.recovery } : {}),
      },
    );
  }

  let realtime: { close(): Promise<void> } | undefined;
  if (server) {
    const ready = createApp({
      logger,
      localUserId: config.localUserId,
      corsOrigins: config.corsOrigins,
      bodyLimitBytes: config.bodyLimitBytes,
      register: (target) => registerRoutes(target, ctx, options.version),
    });
    realtime = attachRealtime(server, {
      redisUrl: ctx.redisUrl,
      channelKey: ctx.realtimeChannelKey,
      corsOrigins: config.corsOrigins,
      localUserId: config.localUserId,
      store: ctx.store,
      logger,
    });
    app = ready;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (server) await closeGateway(server, realtime);
      await workers?.close();
      await workerRedis?.quit();
      await ctx.close();
    })();
    return stopping;
  };

  return { ctx, url: server ? `http://127.0.0.1:${port}` : undefined, stop };
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Disconnect the sockets, stop accepting connections and wait for the requests in flight (idle
 * keep-alives are dropped). Closing Socket.IO closes its HTTP server too.
 */
async function closeGateway(server: HttpServer, realtime: { close(): Promise<void> } | undefined): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  if (realtime) await realtime.close();
  else server.close();
  server.closeIdleConnections();
  await closed;
}
