import type { TestProject } from 'vitest/node';
import { findRedisServer, startEmbeddedRedis, type EmbeddedRedis } from '../connections/redis.js';

/**
 * Runs once before all test files. Tests use the machine's Redis and Postgres when REDIS_URL and
 * DATABASE_URL point at them (CI does); otherwise a private redis-server and PGlite. MongoDB is
 * tried once here (MONGO_URL, else mongodb-memory-server); when none can be had, the MongoDB
 * suites skip and say why.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string | null;
    mongo: { url: string } | { skipReason: string };
  }
}

let embeddedRedis: EmbeddedRedis | undefined;
let stopMongo: (() => Promise<unknown>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const env = process.env;
  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    const binary = findRedisServer(env.PATH);
    if (!binary) throw new Error('Tests need Redis: set REDIS_URL, or install redis-server so a private one can start.');
    embeddedRedis = await startEmbeddedRedis({ binary });
    redisUrl = embeddedRedis.url;
  }
  project.provide('redisUrl', redisUrl);
  project.provide('databaseUrl', env.DATABASE_URL || null);
  const mongo = await findMongo(env.MONGO_URL);
  if ('skipReason' in mongo) {
    process.stdout.write(
      `\n[atelier] MongoDB runs are SKIPPED (the store contract, and the conversations of the end-to-end and pipeline tests, run on Postgres only): ${mongo.skipReason}\n\n`,
    );
  }
  project.provide('mongo', mongo);
}

export async function teardown(): Promise<void> {
  await stopMongo?.();
  await embeddedRedis?.stop();
}

async function findMongo(url: string | undefined): Promise<{ url: string } | { skipReason: string }> {
  if (url) return { url };
  // mongodb-memory-server prints its whole failure with console.warn; the skip message says it once.
  const warn = console.warn;
  console.warn = () => {};
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const server = await MongoMemoryServer.create();
    stopMongo = () => server.stop();
    return { url: server.getUri() };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 240);
    return {
      skipReason: `no MongoDB: MONGO_URL is not set and mongodb-memory-server could not start one (${reason})`,
    };
  } finally {
    console.warn = warn;
  }
}
