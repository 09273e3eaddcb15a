import { randomUUID } from 'node:crypto';
import { Server as NetServer, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { startPipelineWorkers, type PipelineWorkers } from '../conversation/index.js';
import { startExportWorker, startTrashPurge, type ExportWorker, type TrashPurge } from '../gallery/index.js';
import { authenticate } from '../identity/index.js';
import type { Config } from '../shared/config.js';
import { createRedis, type Redis } from '../shared/connections/redis.js';
import type { App } from '../shared/http.js';
import type { Logger } from '../shared/logger.js';
import { startWebhookWorker, type WebhookWorker } from '../webhooks/index.js';
import { createApp } from './app.js';
import { resolveCorsOrigins } from './cors-origins.js';
import { buildContext, type AtelierContext } from './context.js';
import { rateLimitRequests } from './middleware/rate-limit.js';
import { attachRealtime } from './realtime.js';
import { registerRoutes, UPLOAD_PATHS } from './routes.js';
import { buildWebApp } from '../web/build.js';

export interface Atelier {
  ctx: AtelierContext;
  /** Where the gateway listens (`undefined` for a worker-only process). */
  url: string | undefined;
  /** Stop taking requests, let running requests and jobs finish, close every connection. */
  stop(): Promise<void>;
  /** The trash retention purge, where this process runs workers (`runNow` for tests and operators). */
  trashPurge: TrashPurge | undefined;
}

export interface StartOptions {
  version: string;
  /** Tests: the recovery sweep's timing; `false` switches it off. */
  recovery?: { intervalMs: number; idleMs: number } | false;
  /** Tests: the clock the trash retention purge judges ages by. Default the wall clock. */
  now?: () => Date;
}

type Phase = 'starting' | 'ready' | 'stopping';

/**
 * Start the roles in `ATELIER_ROLES` in this process: the gateway (HTTP + Socket.IO on one port)
 * and/or the pipeline workers.
 *
 * The gateway listens first, so the URLs handed out can name the port it really got (port 0 in
 * tests). Until everything is built, `/health` (liveness) answers 200 and every other route,
 * `/ready` included, 503 with `Retry-After`; the same while it stops, with `Connection: close`.
 */
export async function startAtelier(config: Config, logger: Logger, options: StartOptions): Promise<Atelier> {
  let phase: Phase = 'starting';
  let app: App | undefined;
  let server: HttpServer | undefined;
  let port = config.port;

  if (config.roles.has('gateway')) {
    server = createAdaptorServer({
      fetch: (request: Request, env: unknown) => (phase === 'ready' && app ? app.fetch(request, env) : holdingAnswer(request, phase)),
    }) as HttpServer;
    server.on('clientError', answerClientError);
    await listen(server, config.port, config.host);
    port = (server.address() as AddressInfo).port;
  }

  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  // Known only now (the port): by default the browser may call from the public URL's origin only.
  const corsOrigins = resolveCorsOrigins(config.corsOrigins, publicUrl);
  let ctx: AtelierContext;
  try {
    ctx = await buildContext(config, logger, publicUrl);
  } catch (error) {
    server?.close();
    throw error;
  }

  let workers: PipelineWorkers | undefined;
  let webhookWorker: WebhookWorker | undefined;
  let exportWorker: ExportWorker | undefined;
  let trashPurge: TrashPurge | undefined;
  let workerRedis: Redis | undefined;
  let realtime: { close(): Promise<void> } | undefined;
  try {
    if (config.roles.has('worker')) {
      workerRedis = createRedis(ctx.redisUrl, ctx.onConnectionError);
      workers = await startPipelineWorkers(ctx, {
        connection: workerRedis,
        prefix: config.queuePrefix,
        concurrency: config.workerConcurrency,
        lockDurationMs: config.jobLockMs,
        ownsRedis: ctx.ownsRedis,
        ...(options.recovery !== undefined ? { recovery: options.recovery } : {}),
      });
      webhookWorker = startWebhookWorker(ctx.webhooks, {
        connection: workerRedis,
        prefix: config.queuePrefix,
        concurrency: config.workerConcurrency,
        onError: (error) => ctx.outages.observe(error),
      });
      exportWorker = startExportWorker(ctx.exports, {
        connection: workerRedis,
        prefix: config.queuePrefix,
        lockDurationMs: config.jobLockMs,
        onError: (error) => ctx.outages.observe(error),
      });
      trashPurge = await startTrashPurge(ctx.gallery, {
        connection: workerRedis,
        prefix: config.queuePrefix,
        onError: (error) => ctx.outages.observe(error),
        ...(options.now && { now: options.now }),
      });
    }
    if (server) {
      await buildWebApp(); // once per process; a build error stops the start, saying so
      app = createApp({
        logger,
        authenticate: (token) => authenticate({ ctx: ctx.identity, input: { token } }),
        corsOrigins,
        hsts: publicUrl.startsWith('https://') ? 'always' : config.trustProxy ? 'when-forwarded-https' : 'never',
        bodyLimitBytes: config.bodyLimitBytes,
        uploadPaths: UPLOAD_PATHS,
        rateLimit: rateLimitRequests({ costly: ctx.limits.costly, auth: ctx.limits.auth, trustProxy: config.trustProxy }),
        outages: ctx.outages,
        isStopping: () => phase === 'stopping',
        register: (target) => registerRoutes(target, ctx, options.version),
      });
      realtime = attachRealtime(server, {
        redisUrl: ctx.redisUrl,
        onRedisError: ctx.onConnectionError,
        channelKey: ctx.realtimeChannelKey,
        corsOrigins,
        authenticate: (token) => authenticate({ ctx: ctx.identity, input: { token } }),
        store: ctx.store,
        feed: ctx.feed,
        links: ctx.links,
        logger,
      });
    }
  } catch (error) {
    await exportWorker?.close();
    await trashPurge?.close();
    await webhookWorker?.close();
    await workers?.close();
    await workerRedis?.quit().catch(() => undefined);
    await ctx.close();
    server?.close();
    throw error;
  }
  phase = 'ready';

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      phase = 'stopping';
      if (server) await closeGateway(server, realtime, () => ctx.feed.end());
      await exportWorker?.close();
      await trashPurge?.close();
      await webhookWorker?.close();
      await workers?.close();
      await workerRedis?.quit().catch(() => undefined);
      await ctx.close();
    })();
    return stopping;
  };

  return { ctx, url: server ? `http://127.0.0.1:${port}` : undefined, stop, trashPurge };
}

/** What a request gets while the system starts or stops: alive, not ready. */
function holdingAnswer(request: Request, phase: Phase): Response {
  const { pathname } = new URL(request.url);
  const headers: Record<string, string> = { 'X-Request-Id': randomUUID() };
  if (phase === 'stopping') headers.Connection = 'close';
  if (pathname === '/health') return Response.json({ status: 'ok' }, { status: 200, headers });
  headers['Retry-After'] = '1';
  if (pathname === '/ready') return Response.json({ status: phase === 'stopping' ? 'unavailable' : 'starting', checks: {} }, { status: 503, headers });
  const message = phase === 'stopping' ? 'Atelier is stopping; try again in a moment' : 'Atelier is starting; try again in a moment';
  return Response.json(
    { error: { code: 'service_unavailable', message, request_id: headers['X-Request-Id'], details: [] } },
    { status: 503, headers },
  );
}

/**
 * A request Node could not even parse (headers over its 16 KiB limit, a malformed request line)
 * never reaches the app: answer it here, in the same error envelope, and close the connection.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const requestId = randomUUID();
  const body = JSON.stringify({
    error: {
      code: 'validation_failed',
      message: tooLarge ? 'the request line and headers are larger than 16 KiB' : 'the request is not valid HTTP',
      request_id: requestId,
      details: [],
    },
  });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
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

/** How long open keep-alive connections are still answered (with `Connection: close`) on a stop. */
const DRAIN_GRACE_MS = 1000;

/**
 * Stop accepting connections, then, for {@link DRAIN_GRACE_MS}, keep answering what arrives on the
 * connections already open, each answer saying `Connection: close` (new work gets 503 with
 * Retry-After): a client learns to go elsewhere from an answer, never from a connection cut under
 * its request. Then close Socket.IO and the connections left idle, and wait until every
 * connection is gone. (Node's own `server.close()` drops idle connections at once, racing any
 * client that is just sending on one: hence the net-level close first.)
 */
async function closeGateway(server: HttpServer, realtime: { close(): Promise<void> } | undefined, endStreams: () => void): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  NetServer.prototype.close.call(server);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS));
  // Event streams and long polls never end by themselves: ended here, they let the server close.
  endStreams();
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await realtime?.close();
    server.closeIdleConnections();
    await closed;
  } finally {
    clearInterval(sweeper);
  }
}
