import { mkdir } from 'node:fs/promises';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { RedisMemoryServer } from 'redis-memory-server';

export type { Redis };

/**
 * A Redis client for BullMQ and the realtime layer. `maxRetriesPerRequest: null` is what BullMQ
 * requires of its connections: a blocking command must wait out a reconnect, not fail.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}

/**
 * The client for commands only (enqueueing, emitting): auto-pipelining sends the commands of
 * concurrent requests in one write, which is most of the gateway's Redis cost. Never give it to
 * a BullMQ worker: ioredis would pipeline the worker's blocking commands too.
 */
export function createCommandRedis(url: string): Redis {
  return createRedis(url, { enableAutoPipelining: true });
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
 */
export async function startEmbeddedRedis(options: { binary: string; dataDir?: string }): Promise<EmbeddedRedis> {
  const args: string[] = [];
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    args.push('--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec');
  }
  const server = await RedisMemoryServer.create({
    binary: { systemBinary: options.binary },
    instance: { ip: '127.0.0.1', args },
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

/** Delete every key matching `pattern` (SCAN, never KEYS: it does not block the server). */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.del(...keys);
  }
}
