import { mkdir, readFile } from 'node:fs/promises';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisMemoryServer } from 'redis-memory-server';

export type { Redis };

/** What a Redis client does with its connection errors: every client has a listener, never "Unhandled error event". */
export type RedisErrorHandler = (error: Error) => void;

/**
 * A Redis client for BullMQ workers and the realtime subscribers. `maxRetriesPerRequest: null` is
 * what BullMQ requires of a worker's connection: a blocking command waits out a reconnect.
 * Nothing a request waits on may use it (see {@link createCommandRedis}).
 */
export function createRedis(url: string, onError: RedisErrorHandler, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
  redis.on('error', onError);
  return redis;
}

/** How long one command on the command connection may take before it fails (a hung Redis). */
export const COMMAND_TIMEOUT_MS = 1500;

/**
 * The client for commands a request or a stage waits on (enqueueing, emitting, caches). It fails
 * fast when Redis is away: no offline queue (a command while disconnected fails at once), one
 * retry, and a command that gets no answer fails after {@link COMMAND_TIMEOUT_MS}. So a request
 * answers 503 promptly, never hangs. Auto-pipelining sends the commands of concurrent requests in
 * one write. Never give it to a BullMQ worker: it would pipeline the worker's blocking commands.
 */
export function createCommandRedis(url: string, onError: RedisErrorHandler): Redis {
  return createRedis(url, onError, {
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    lazyConnect: true,
  });
}

/** Raised when Redis does not answer at start: its message names the setting to look at. */
export class RedisUnreachable extends Error {
  override readonly name = 'RedisUnreachable';
}

/**
 * Connect a lazily connecting client, waiting at most `timeoutMs`. A Redis that does not answer
 * stops the start with a message naming `what` (e.g. "REDIS_URL redis://host:6379"), instead of
 * retrying in the background for ever.
 */
export async function connectRedis(redis: Redis, what: string, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  let lastError: unknown;
  const remember = (error: unknown) => {
    lastError = error;
  };
  let onReady = () => {};
  let timer: NodeJS.Timeout | undefined;
  redis.on('error', remember);
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      redis.once('ready', onReady);
      timer = setTimeout(() => {
        const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
        reject(new RedisUnreachable(`Redis at ${what} did not answer within ${Math.round(timeoutMs / 1000)} s${reason}`));
      }, timeoutMs);
      // A failed first connect is retried by ioredis itself; the error is remembered for the message.
      if (redis.status === 'wait') redis.connect().catch(remember);
    });
  } finally {
    clearTimeout(timer);
    redis.off('ready', onReady);
    redis.off('error', remember);
  }
}

/** The embedded Redis of `npm start`: the system `redis-server`, its data kept under `dataDir`. */
export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

/** Find `redis-server` on the PATH; the embedded mode never downloads one. */
export function findRedisServer(searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Start a private `redis-server` through redis-memory-server. With `dataDir`, it keeps an
 * append-only file there, so queued jobs survive a restart like the rest of the embedded data.
 *
 * It runs in its own process group: a Ctrl-C in the terminal (SIGINT to the whole foreground
 * group) reaches Atelier, whose graceful stop lets running jobs finish and stops this Redis last,
 * instead of Redis dying under them. If Atelier itself dies, redis-memory-server's watchdog
 * stops it within a few seconds.
 */
export async function startEmbeddedRedis(options: { binary: string; dataDir?: string }): Promise<EmbeddedRedis> {
  const args: string[] = [];
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    const pidFile = path.join(options.dataDir, 'redis.pid');
    // The caller holds the data folder (see lockDataDir): a Redis still running on it belongs to
    // a process that died, and must stop before a new one opens the same files.
    await stopStaleRedis(pidFile);
    args.push('--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--pidfile', pidFile);
  }
  const server = await RedisMemoryServer.create({
    binary: { systemBinary: options.binary },
    instance: { ip: '127.0.0.1', args },
    spawn: { detached: true },
  });
  const host = await server.getHost();
  const port = await server.getPort();
  return {
    url: `redis://${host}:${port}`,
    stop: async () => {
      await server.stop();
    },
  };
}

/** Stop the redis-server whose pid is in `pidFile`, if it still runs; wait (up to 10 s) until it has. */
async function stopStaleRedis(pidFile: string): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isRedisServer(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && isRedisServer(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Whether `pid` is a running redis-server (a reused pid of another program is left alone). */
function isRedisServer(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
  } catch {
    return true; // no /proc (macOS): a live pid from our own pid file
  }
}

/** Delete every key matching `pattern` (SCAN, never KEYS: it does not block the server). */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.del(...keys);
  }
}
