import path from 'node:path';
import { createMongoStore, createPipelineQueues, createPostgresStore, type ConversationStore, type PipelineQueues } from '../conversation/index.js';
import { migrateGallery } from '../gallery/index.js';
import {
  createCloudinaryStorage,
  createDiskStorage,
  createGeminiImageGenerator,
  createOfflineRenderer,
  type ImageGenerator,
  type ImageStorage,
} from '../image-service/index.js';
import {
  createGeminiPromptEngine,
  createOfflinePromptEngine,
  withRefinementCache,
  type PromptEngine,
} from '../prompt-service/index.js';
import type { Config } from '../shared/config.js';
import { connectMongo } from '../shared/connections/mongo.js';
import { connectPostgres, openPglite, type Postgres } from '../shared/connections/postgres.js';
import { createCommandRedis, startEmbeddedRedis, type Redis } from '../shared/connections/redis.js';
import type { Logger } from '../shared/logger.js';
import { createRedisPublisher, type RealtimePublisher } from '../shared/realtime.js';

/**
 * Every client Atelier uses, built once at start from the config and passed down. Each setting
 * switches one part from its embedded default to its production counterpart, chosen here only.
 */
export interface AtelierContext {
  config: Config;
  logger: Logger;
  /** The base of the URLs handed out. */
  publicUrl: string;
  redisUrl: string;
  /** Commands (queues, the realtime emitter), auto-pipelined. Workers get their own connection. */
  redis: Redis;
  postgres: Postgres;
  store: ConversationStore;
  queues: PipelineQueues;
  realtime: RealtimePublisher;
  /** The Redis channel the Socket.IO adapter and emitter share. */
  realtimeChannelKey: string;
  promptEngine: PromptEngine;
  imageGenerator: ImageGenerator;
  storage: ImageStorage;
  /** Set when files are on local disk: the gateway serves them at `/media/`. */
  mediaDir: string | undefined;
  /** What each part runs on, for the start banner. */
  parts: Record<string, string>;
  close(): Promise<void>;
}

export async function buildContext(config: Config, logger: Logger, publicUrl: string): Promise<AtelierContext> {
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) {
      await closer().catch((error: unknown) => logger.warn({ err: error }, 'error while closing'));
    }
  };
  try {
    const parts: Record<string, string> = {};

    let redisUrl = config.redisUrl;
    if (redisUrl) {
      parts.redis = `server ${redactUrl(redisUrl)}`;
    } else {
      const binary = config.redisServerBinary;
      if (!binary) throw new Error('No REDIS_URL and no redis-server on the PATH: install Redis, or set REDIS_URL (or REDIS_SERVER_BIN).');
      const embedded = await startEmbeddedRedis({ binary, dataDir: path.join(config.dataDir, 'redis') });
      closers.push(() => embedded.stop());
      redisUrl = embedded.url;
      parts.redis = `embedded (${binary}, data in ${path.join(config.dataDir, 'redis')})`;
    }
    const redis = createCommandRedis(redisUrl);
    closers.push(() => redis.quit());

    const postgres = config.databaseUrl ? await connectPostgres(config.databaseUrl) : await openPglite(path.join(config.dataDir, 'pglite'));
    closers.push(() => postgres.close());
    parts.gallery = config.databaseUrl ? `postgres ${redactUrl(config.databaseUrl)}` : `pglite (${path.join(config.dataDir, 'pglite')})`;
    await migrateGallery(postgres);

    let store: ConversationStore;
    if (config.mongoUrl) {
      const mongo = await connectMongo(config.mongoUrl);
      closers.push(() => mongo.close());
      store = createMongoStore(mongo);
      parts.conversations = `mongodb ${redactUrl(config.mongoUrl)}`;
    } else {
      store = createPostgresStore(postgres);
      parts.conversations = `${postgres.kind} (same database as the gallery)`;
    }
    await store.migrate();

    const queues = createPipelineQueues({
      connection: redis,
      prefix: config.queuePrefix,
      attempts: config.jobAttempts,
      backoffMs: config.jobBackoffMs,
    });
    closers.push(() => queues.close());
    parts.queues = `bullmq, prefix "${config.queuePrefix}", ${config.jobAttempts} attempts per stage`;

    const realtimeChannelKey = `${config.queuePrefix}-realtime`;
    const realtime = createRedisPublisher(redis, realtimeChannelKey);

    const promptEngine = choosePromptEngine(config, redis, logger);
    parts.prompts = `${promptEngine.provider} (${promptEngine.model})${
      config.promptProvider === 'gemini' && config.refineCacheTtlSeconds > 0 ? `, cached ${config.refineCacheTtlSeconds} s` : ''
    }`;
    const imageGenerator = chooseImageGenerator(config);
    parts.images = `${imageGenerator.provider} (${imageGenerator.model})`;

    const mediaDir = path.join(config.dataDir, 'media');
    let storage: ImageStorage;
    if (config.cloudinaryUrl) {
      storage = await createCloudinaryStorage({ url: config.cloudinaryUrl, timeoutMs: config.providerTimeoutMs });
      parts.storage = `cloudinary (${new URL(config.cloudinaryUrl).hostname})`;
    } else {
      storage = createDiskStorage({ mediaDir, publicUrl });
      parts.storage = `local disk (${mediaDir}, served at ${publicUrl}/media/)`;
    }

    return {
      config,
      logger,
      publicUrl,
      redisUrl,
      redis,
      postgres,
      store,
      queues,
      realtime,
      realtimeChannelKey,
      promptEngine,
      imageGenerator,
      storage,
      mediaDir: storage.kind === 'disk' ? mediaDir : undefined,
      parts,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Gemini when configured (with the refinement cache in front, unless its TTL is 0), else the
 * offline engine, whose answers cost nothing to recompute.
 */
function choosePromptEngine(config: Config, redis: Redis, logger: Logger): PromptEngine {
  if (config.promptProvider !== 'gemini') return createOfflinePromptEngine();
  const engine = createGeminiPromptEngine({
    apiKey: config.gemini.apiKey as string, // loadConfig refuses "gemini" without a key
    ...(config.gemini.baseUrl ? { baseUrl: config.gemini.baseUrl } : {}),
    model: config.gemini.textModel,
    timeoutMs: config.providerTimeoutMs,
  });
  if (config.refineCacheTtlSeconds === 0) return engine;
  return withRefinementCache(engine, { redis, ttlSeconds: config.refineCacheTtlSeconds, keyPrefix: config.queuePrefix, logger });
}

function chooseImageGenerator(config: Config): ImageGenerator {
  if (config.imageProvider !== 'gemini') return createOfflineRenderer();
  return createGeminiImageGenerator({
    apiKey: config.gemini.apiKey as string, // loadConfig refuses "gemini" without a key
    ...(config.gemini.baseUrl ? { baseUrl: config.gemini.baseUrl } : {}),
    model: config.gemini.imageModel,
    timeoutMs: config.providerTimeoutMs,
  });
}

/** A URL without its password, for logs and the banner. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
