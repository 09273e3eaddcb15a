import path from 'node:path';
import {
  createMongoStore,
  createPipelineQueues,
  createPostgresStore,
  markImageDeleted,
  type ConversationContext,
  type ConversationStore,
  type FinalHook,
  type PipelineQueues,
} from '../conversation/index.js';
import { createExportQueue, migrateGallery, trashSessionImages, type ExportsContext, type GalleryContext } from '../gallery/index.js';
import { migrateTemplates, renderTemplate, type TemplatesContext } from '../templates/index.js';
import { findDisplayName, loadInstanceSecret, startIdentity, type IdentityContext } from '../identity/index.js';
import { createLimits, type Limits } from '../limits/index.js';
import {
  createCloudinaryStorage,
  createDiskStorage,
  createGeminiImageGenerator,
  createMediaLinks,
  createMediaSigner,
  createOfflineRenderer,
  sweepTemporaryFiles,
  type ImageGenerator,
  type ImageStorage,
  type MediaLinks,
  type MediaSigner,
} from '../image-service/index.js';
import {
  createGeminiPromptEngine,
  createOfflinePromptEngine,
  withRefinementCache,
  type PromptEngine,
} from '../prompt-service/index.js';
import type { Config } from '../shared/config.js';
import type { ModerationPolicy } from '../shared/moderation.js';
import { connectMongo, type Mongo } from '../shared/connections/mongo.js';
import { connectPostgres, openPglite, type Postgres } from '../shared/connections/postgres.js';
import { connectRedis, createCommandRedis, startEmbeddedRedis, type Redis } from '../shared/connections/redis.js';
import type { Logger } from '../shared/logger.js';
import { createOutageMonitor, type Dependency, type OutageMonitor } from '../shared/outages.js';
import type { QuotaPort } from '../shared/quota.js';
import type { DomainEventSink } from '../shared/domain-events.js';
import { createEventFeed, type EventFeed } from '../shared/event-log.js';
import { createStageDurations, type StageDurations } from '../shared/stage-durations.js';
import { createRedisPublisher, type RealtimePublisher } from '../shared/realtime.js';
import { createWebhookQueue, enqueueWebhookDeliveries, migrateWebhooks, type WebhooksContext } from '../webhooks/index.js';
import { migrateUsage, priceTable, type UsageContext } from '../usage/index.js';
import { lockDataDir } from './data-dir-lock.js';
import { recordUsageOnFinal } from './usage-hook.js';
import { addressKey, clientIp } from './middleware/client-ip.js';

/** A temporary media file older than this is a write that died with its process. */
const STALE_TEMPORARY_MS = 60_000;

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
  /** This process started the Redis it uses (embedded mode): no other process shares it. */
  ownsRedis: boolean;
  /** Commands (queues, the realtime emitter), auto-pipelined, failing fast. Workers get their own connection. */
  redis: Redis;
  postgres: Postgres;
  store: ConversationStore;
  queues: PipelineQueues;
  realtime: RealtimePublisher;
  /** The message event log and its live feed (shared/event-log.ts). */
  feed: EventFeed;
  /** Recent stage durations (shared/stage-durations.ts), for `eta_ms`. */
  durations: StageDurations;
  /** The Redis channel the Socket.IO adapter and emitter share. */
  realtimeChannelKey: string;
  promptEngine: PromptEngine;
  imageGenerator: ImageGenerator;
  /** MODERATION_POLICY: what prompts and images moderation finds unsafe lead to (docs/moderation.md). */
  moderationPolicy: ModerationPolicy;
  storage: ImageStorage;
  links: MediaLinks;
  /** Signs the disk files' URLs (links) and checks them (the media route); one key for the whole instance. */
  mediaSigner: MediaSigner;
  gallery: GalleryContext;
  /** The gallery's exports: their queue, limits and where their files go (docs/gallery.md, "Exports"). */
  exports: ExportsContext;
  /** A chat session deleted with `images=trash` moves its images to the gallery's trash through this. */
  trashSessionImages: (input: { userId: string; sessionId: string }) => Promise<number>;
  /** Prompt templates (Postgres). */
  templates: TemplatesContext;
  /** A chat message posted as `{template_id, variables}` is rendered through this. */
  renderTemplate: ConversationContext['renderTemplate'];
  /** Accounts, organisations and credentials. */
  identity: IdentityContext;
  /** Webhook endpoints, their delivery queue and log (docs/webhooks.md). */
  webhooks: WebhooksContext;
  /** Where the conversation and gallery services report their events: queued as webhook deliveries. */
  onEvent: DomainEventSink;
  /** The usage rollup and its reports (docs/usage.md). */
  usage: UsageContext;
  /** A message that reaches a final status is counted in the usage rollup through this (awaited by the transition). */
  onFinal: FinalHook;
  /** Rate limits, the login guard and the image quota, counted in Redis (docs/limits.md). */
  limits: Limits;
  /** The image quota (the same as `limits.quota`): what the conversation service charges and refunds. */
  quota: QuotaPort;
  /** Logs each outage of the database, Redis or MongoDB once, and its end. */
  outages: OutageMonitor;
  /** For every client's connection errors: an outage goes to the monitor, anything else to the log. */
  onConnectionError: (error: unknown) => void;
  /**
   * The media folder (`DATA_DIR/media`), served at `/media/` by signed URLs: the images when they
   * are on local disk, and the exports' files whatever the image storage.
   */
  mediaDir: string;
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
  // Probes are filled in as the clients are made; the monitor only runs them during an outage.
  const probes: Partial<Record<Dependency, () => Promise<unknown>>> = {};
  const outages = createOutageMonitor(logger, probes);
  closers.push(async () => outages.close());
  const onConnectionError = (error: unknown) => {
    if (!outages.observe(error)) logger.warn({ err: error }, 'connection error');
  };

  try {
    const parts: Record<string, string> = {};
    const embeddedRedis = !config.redisUrl;
    // The embedded PGlite and Redis keep their files in DATA_DIR: one process at a time.
    if (embeddedRedis || !config.databaseUrl) {
      const lock = await lockDataDir(config.dataDir);
      closers.push(() => lock.release());
    }

    let redisUrl = config.redisUrl;
    if (redisUrl) {
      parts.redis = `server ${redactUrl(redisUrl)}`;
    } else {
      const binary = config.redisServerBinary;
      if (!binary) throw new Error('No REDIS_URL and no redis-server on the PATH: install Redis, or set REDIS_URL (or REDIS_SERVER_BIN).');
      const embedded = await startEmbeddedRedis({ binary, dataDir: path.join(config.dataDir, 'redis') });
      // Pushed first, so it closes last: running jobs finish before their Redis stops.
      closers.push(() => embedded.stop());
      redisUrl = embedded.url;
      parts.redis = `embedded (${binary}, data in ${path.join(config.dataDir, 'redis')})`;
    }
    const redis = createCommandRedis(redisUrl, onConnectionError);
    closers.push(() => redis.quit());
    await connectRedis(redis, config.redisUrl ? `REDIS_URL ${redactUrl(redisUrl)}` : redisUrl, config.startTimeoutMs);
    probes.redis = () => redis.ping();

    const postgres = config.databaseUrl
      ? await connectPostgres(config.databaseUrl, { onError: onConnectionError })
      : await openPglite(path.join(config.dataDir, 'pglite'));
    closers.push(() => postgres.close());
    probes.database = () => postgres.ping();
    parts.gallery = config.databaseUrl ? `postgres ${redactUrl(config.databaseUrl)}` : `pglite (${path.join(config.dataDir, 'pglite')})`;
    await migrateGallery(postgres);
    await migrateTemplates(postgres);
    const templates: TemplatesContext = { db: postgres.db };
    await migrateWebhooks(postgres);
    await migrateUsage(postgres);
    const usage: UsageContext = { db: postgres.db, prices: priceTable(config.priceTable), logger };
    const onFinal = recordUsageOnFinal(usage, logger, outages);
    const identity = await startIdentity(postgres, config.auth, logger);
    parts.auth = authPart(config);
    const limits = createLimits({ redis, db: postgres.db, config: config.limits, keyPrefix: config.queuePrefix, logger });
    parts.limits = limitsPart(config);

    let store: ConversationStore;
    if (config.mongoUrl) {
      const mongo: Mongo = await connectMongo(config.mongoUrl);
      closers.push(() => mongo.close());
      probes.mongodb = () => mongo.ping();
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
      highLeadSeconds: config.laneHighLeadSeconds,
    });
    closers.push(() => queues.close());
    parts.queues = `bullmq, prefix "${config.queuePrefix}", ${config.jobAttempts} attempts per stage`;

    const webhookQueue = createWebhookQueue({ connection: redis, prefix: config.queuePrefix, backoffMs: config.webhooks.backoffMs });
    // Its connection's errors are the command connection's, reported there already: the outage monitor hears them once.
    webhookQueue.on('error', onConnectionError);
    closers.push(() => webhookQueue.close());
    const webhooks: WebhooksContext = {
      db: postgres.db,
      queue: webhookQueue,
      logger,
      allowPrivate: config.webhooks.allowPrivate,
      timeoutMs: config.webhooks.timeoutMs,
    };
    parts.webhooks = `bullmq, first retry after ${config.webhooks.backoffMs} ms${config.webhooks.allowPrivate ? ', private addresses ALLOWED' : ''}`;
    // Fire and forget: a change that raised an event is committed already, and neither its
    // request nor its pipeline stage waits for (or fails with) the webhooks' queueing.
    const onEvent: DomainEventSink = (event) => {
      enqueueWebhookDeliveries({ ctx: webhooks, input: event }).catch((error: unknown) => {
        if (!outages.observe(error)) logger.warn({ err: error, event: event.type }, 'webhook deliveries not queued');
      });
    };

    const realtimeChannelKey = `${config.queuePrefix}-realtime`;
    const realtime = createRedisPublisher(redis, realtimeChannelKey, onConnectionError);
    // Gateways listen on it (the subscriber connects on first use: a worker-only process never does).
    const feed = createEventFeed({ redis, redisUrl, channelKey: realtimeChannelKey, onRedisError: onConnectionError });
    closers.push(() => feed.close());
    const durations = createStageDurations(redis, config.queuePrefix, onConnectionError);

    const promptEngine = choosePromptEngine(config, redis, logger);
    parts.prompts = `${promptEngine.provider} (${promptEngine.model})${
      config.promptProvider === 'gemini' && config.refineCacheTtlSeconds > 0 ? `, cached ${config.refineCacheTtlSeconds} s` : ''
    }`;
    const imageGenerator = chooseImageGenerator(config);
    parts.images = `${imageGenerator.provider} (${imageGenerator.model})`;
    parts.moderation = moderationPart(config);

    const mediaDir = path.join(config.dataDir, 'media');
    let storage: ImageStorage;
    if (config.cloudinaryUrl) {
      storage = await createCloudinaryStorage({ url: config.cloudinaryUrl, timeoutMs: config.providerTimeoutMs });
      parts.storage = `cloudinary (${new URL(config.cloudinaryUrl).hostname})`;
    } else {
      storage = createDiskStorage({ mediaDir });
      parts.storage = `local disk (${mediaDir}, served at ${publicUrl}/media/ by signed URLs, valid ${config.mediaUrlTtlSeconds} s)`;
      // Writes a killed process left half done, swept in the background (a large folder must not
      // hold up the start): in a folder this process owns, every one older than this start; in one
      // shared by several workers, only those too old to be another worker's write in progress.
      const modifiedBefore = new Date(Date.now() - (embeddedRedis ? 0 : STALE_TEMPORARY_MS));
      const sweeping = sweepTemporaryFiles(mediaDir, modifiedBefore).then(
        (swept) => swept > 0 && logger.info({ swept }, 'removed temporary media files left by a stopped process'),
        (error: unknown) => logger.warn({ err: error }, 'could not sweep temporary media files'),
      );
      closers.push(() => sweeping);
    }
    // Workers build image URLs too (the events they emit): every process loads the same key.
    const mediaSigner = createMediaSigner({
      key: await loadInstanceSecret(postgres.db, 'media-url-key'),
      ttlSeconds: config.mediaUrlTtlSeconds,
    });
    const links = createMediaLinks({ publicUrl, signer: mediaSigner });

    const gallery: GalleryContext = {
      db: postgres.db,
      storage,
      links,
      realtime,
      logger,
      moderationPolicy: config.moderationPolicy,
      trashRetentionDays: config.trashRetentionDays,
      prices: priceTable(config.priceTable),
      onEvent,
      shares: {
        publicUrl,
        signer: mediaSigner,
        displayNameOf: (userId) => findDisplayName({ ctx: { db: postgres.db }, input: { userId } }),
        // Wrong share passwords count like failed sign-ins, per link (not per email) and address.
        guard: limits.login,
        clientAddress: (c) => addressKey(clientIp(c, config.trustProxy)),
      },
      // The chat message that made an image says so once the image is deleted for good.
      onDeletedForGood: async (image) => {
        if (image.messageId && image.storage !== 'external') {
          await markImageDeleted({ ctx: { store, realtime, links }, input: { messageId: image.messageId, imageId: image.id } });
        }
      },
    };

    const exportQueue = createExportQueue({ connection: redis, prefix: config.queuePrefix });
    exportQueue.on('error', onConnectionError);
    closers.push(() => exportQueue.close());
    const exports: ExportsContext = {
      db: postgres.db,
      storage,
      queue: exportQueue,
      mediaDir,
      signer: mediaSigner,
      publicUrl,
      realtime,
      logger,
      maxImages: config.exports.maxImages,
      ttlSeconds: config.exports.ttlSeconds,
    };
    parts.exports = `bullmq, files in ${path.join(mediaDir, 'users', '*', 'exports')} for ${config.exports.ttlSeconds} s, at most ${config.exports.maxImages} images each`;

    return {
      config,
      logger,
      publicUrl,
      redisUrl,
      ownsRedis: embeddedRedis,
      redis,
      postgres,
      store,
      queues,
      realtime,
      feed,
      durations,
      realtimeChannelKey,
      promptEngine,
      imageGenerator,
      moderationPolicy: config.moderationPolicy,
      storage,
      links,
      mediaSigner,
      gallery,
      exports,
      trashSessionImages: (input) => trashSessionImages({ ctx: gallery, input }),
      templates,
      renderTemplate: (input) => renderTemplate({ ctx: templates, input }),
      identity,
      webhooks,
      onEvent,
      usage,
      onFinal,
      limits,
      quota: limits.quota,
      outages,
      onConnectionError,
      mediaDir,
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

function limitsPart(config: Config): string {
  const { costlyPerMinute, authPerMinute, userDailyQuota, orgMonthlyQuota } = config.limits;
  return `${costlyPerMinute}/min per user, auth ${authPerMinute}/min per IP; images ${userDailyQuota}/day per user, ${orgMonthlyQuota}/month per organisation`;
}

function moderationPart(config: Config): string {
  if (config.moderationPolicy === 'off') return 'off';
  const gemini = config.promptProvider === 'gemini' || config.imageProvider === 'gemini' ? ' and Gemini safety ratings' : '';
  return `${config.moderationPolicy} (offline word list${gemini})`;
}

function authPart(config: Config): string {
  const provider = config.auth.provider;
  const accounts = `accounts (registration ${config.auth.registration}), API keys`;
  if (!provider) return accounts;
  return `${accounts}, tokens of ${provider.issuer} (${provider.jwksUrl ? 'JWKS' : 'HS256 secret'})`;
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
