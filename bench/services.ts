import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../shared/config.js';
import { createRedis, deleteKeysMatching, startEmbeddedRedis } from '../shared/connections/redis.js';

/**
 * What a benchmark run stands on: the machine's Postgres and Redis when DATABASE_URL and
 * REDIS_URL name them (a fresh database and queue prefix, removed afterwards), otherwise the
 * embedded defaults in a temporary data folder, exactly as `npm start` would use them.
 */
export interface BenchServices {
  env: Record<string, string>;
  describe: string;
  cleanup(): Promise<void>;
}

export async function benchServices(): Promise<BenchServices> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-bench-'));
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' };
  const cleanups: Array<() => Promise<unknown>> = [() => rm(dataDir, { recursive: true, force: true })];

  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `atelier_bench_${randomBytes(4).toString('hex')}`;
    await withClient(serverUrl, (client) => client.query(`create database ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanups.push(() => withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)));
  }
  let redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const shared = redisUrl;
    cleanups.push(() => deleteKeys(shared, `${prefix}*`));
  } else {
    // Every process of the run shares one private redis-server, as the embedded mode would use.
    const embedded = await startEmbeddedRedis({ binary: loadConfig(process.env).redisServerBinary ?? 'redis-server' });
    cleanups.push(() => embedded.stop());
    redisUrl = embedded.url;
  }
  env.REDIS_URL = redisUrl;
  return {
    env,
    describe: `postgres: ${serverUrl ? 'server' : 'PGlite'}, redis: ${process.env.REDIS_URL ? 'server' : 'embedded'}`,
    cleanup: async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Remove a run's keys (its queues, its realtime channel) from a shared Redis. */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = createRedis(redisUrl, () => {});
  try {
    await deleteKeysMatching(redis, pattern);
  } finally {
    await redis.quit();
  }
}

/** Median and a high percentile of a list of milliseconds. */
export function summarise(samples: number[]): { median: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length };
}
