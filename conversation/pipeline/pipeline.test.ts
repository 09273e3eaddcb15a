import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listImages, migrateGallery } from '../../gallery/index.js';
import { createDiskStorage, createMediaLinks, createMediaSigner, createOfflineRenderer } from '../../image-service/index.js';
import { createQuota } from '../../limits/index.js';
import { createOfflinePromptEngine } from '../../prompt-service/index.js';
import { loadConfig } from '../../shared/config.js';
import type { Postgres } from '../../shared/connections/postgres.js';
import type { Redis } from '../../shared/connections/redis.js';
import { createLogger } from '../../shared/logger.js';
import { createOutageMonitor } from '../../shared/outages.js';
import { stageJobId, type PipelineStage, type StageJob } from '../../shared/queues.js';
import { createRedisPublisher } from '../../shared/realtime.js';
import { createTestPostgres } from '../../shared/testing/postgres.js';
import { createTestRedis, deleteKeysWithPrefix, uniquePrefix } from '../../shared/testing/redis.js';
import type { MessageRecord, SessionRecord } from '../message.js';
import { messageRecord, sessionRecord } from '../store/fixtures.js';
import { createTestConversationStore } from '../store/test-store.js';
import type { PipelineContext } from './context.js';
import { finalizeStage } from './finalize-stage.js';
import { imageStage } from './image-stage.js';
import { createPipelineQueues, enqueueStage } from './queues.js';
import { recoverStalledMessages } from './recover.js';
import { refineStage } from './refine-stage.js';
import { startPipelineWorkers } from './workers.js';

/**
 * The pipeline on real parts (Postgres, Redis, BullMQ, disk, the offline engines): a stage that
 * runs again has the effect of once, and messages whose jobs were lost are set going again.
 */

let postgres: Postgres;
let redis: Redis;
let mediaDir: string;
let ctx: PipelineContext;
let closeStore: () => Promise<void>;
const prefix = uniquePrefix('pipeline');

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateGallery(postgres);
  const conversations = await createTestConversationStore(postgres);
  closeStore = conversations.close;
  redis = createTestRedis();
  mediaDir = await mkdtemp(path.join(tmpdir(), 'atelier-pipeline-'));
  const logger = createLogger({ level: 'silent' });
  const realtime = createRedisPublisher(redis, `${prefix}-realtime`, () => {});
  const storage = createDiskStorage({ mediaDir });
  const links = createMediaLinks({ publicUrl: 'http://localhost:9999', signer: createMediaSigner({ key: randomBytes(32), ttlSeconds: 3600 }) });
  ctx = {
    store: conversations.store,
    queues: createPipelineQueues({ connection: redis, prefix, attempts: 1, backoffMs: 10 }),
    realtime,
    links,
    logger,
    outages: createOutageMonitor(logger, {}),
    promptEngine: createOfflinePromptEngine(),
    imageGenerator: createOfflineRenderer(),
    moderationPolicy: 'block',
    storage,
    gallery: { db: postgres.db, storage, links, realtime, logger },
    // Only refunds happen here (a failed message gives its unit back): Redis alone.
    quota: createQuota({ redis, db: postgres.db, config: loadConfig({}).limits, keyPrefix: prefix, logger }),
  };
});

afterAll(async () => {
  await closeStore?.();
  await ctx?.queues.close();
  await redis?.quit();
  await deleteKeysWithPrefix(prefix);
  await postgres?.close();
  await rm(mediaDir, { recursive: true, force: true });
});

async function postedMessage(user: string, content: string): Promise<{ session: SessionRecord; message: MessageRecord }> {
  const session = sessionRecord(user);
  await ctx.store.insertSession(session);
  const message = messageRecord(session, { content, options: { width: 96, height: 96 } });
  await ctx.store.insertMessage(message);
  // As postMessage does: the only message of its session gets the session's turn.
  expect(await ctx.queues.turns.claim(session.id, message.id)).toBe(true);
  return { session, message };
}

/** The real job of a stage, as BullMQ would hand it to a worker. */
async function jobFor(stage: PipelineStage, message: MessageRecord): Promise<Job<StageJob>> {
  await enqueueStage(ctx.queues, stage, message);
  const job = await ctx.queues[stage].getJob(stageJobId(message.id, stage));
  if (!job) throw new Error(`no ${stage} job`);
  return job;
}

async function galleryOf(userId: string) {
  return (await listImages({ ctx: ctx.gallery, input: { userId, limit: 100 } })).items;
}

describe('a stage that runs again has the effect of once', () => {
  it('re-running every stage after DONE changes nothing: one image, one file, one gallery row', async () => {
    const user = `rerun-${prefix}`;
    const { message } = await postedMessage(user, 'a forest at dawn');
    await refineStage(ctx, await jobFor('prompt', message));
    await imageStage(ctx, await jobFor('image', message));
    await finalizeStage(ctx, await jobFor('finalize', message));
    const done = await ctx.store.findMessage(message.id);
    expect(done).toMatchObject({ status: 'DONE', intent: 'generate' });

    for (const [stage, run] of [
      ['prompt', refineStage],
      ['image', imageStage],
      ['finalize', finalizeStage],
    ] as const) {
      await run(ctx, await jobFor(stage, message));
    }
    expect(await ctx.store.findMessage(message.id)).toEqual(done);
    expect(await galleryOf(user)).toHaveLength(1);
    // One image (and its thumbnail).
    expect((await readdir(path.join(mediaDir, 'users', user))).sort()).toEqual([`${done?.image?.id}.png`, `${done?.image?.id}.thumb.webp`]);
  });

  it('two deliveries of one stage at once: each result is applied once', async () => {
    const user = `twice-${prefix}`;
    const { message } = await postedMessage(user, 'ocean waves at night');
    const prompt = await jobFor('prompt', message);
    await Promise.all([refineStage(ctx, prompt), refineStage(ctx, prompt)]);
    const image = await jobFor('image', message);
    await Promise.all([imageStage(ctx, image), imageStage(ctx, image)]);
    const finalize = await jobFor('finalize', message);
    await Promise.all([finalizeStage(ctx, finalize), finalizeStage(ctx, finalize)]);

    const done = await ctx.store.findMessage(message.id);
    expect(done).toMatchObject({ status: 'DONE' });
    const rows = await galleryOf(user);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(done?.image?.id);
    expect((await readdir(path.join(mediaDir, 'users', user))).sort()).toEqual([`${done?.image?.id}.png`, `${done?.image?.id}.thumb.webp`]);
  });
});

describe('jobs', () => {
  it("carry the message id only: a job's counters are never handed on to the next stage's job", async () => {
    const { message } = await postedMessage(`counters-${prefix}`, 'a lantern on a pier');
    const prompt = await jobFor('prompt', message);
    expect(prompt.data).toEqual({ messageId: message.id });
    // This job waited out seven rate limits before it got through.
    await prompt.updateData({ messageId: message.id, rateLimitWaits: 7, outageWaits: 2 });
    await refineStage(ctx, prompt);
    const image = await ctx.queues.image.getJob(stageJobId(message.id, 'image'));
    expect(image?.data).toEqual({ messageId: message.id });
  });
});

describe('recovery of messages that stopped moving', () => {
  it('a message whose job was lost is enqueued again and finishes', async () => {
    const user = `lost-${prefix}`;
    // Stored, but the process died before its job was added.
    const { message } = await postedMessage(user, 'a red car in the desert');
    const workers = await startPipelineWorkers(ctx, { connection: redis, prefix, concurrency: 2, recovery: false });
    try {
      const recovered = await recoverStalledMessages(ctx, { idleMs: 0, limit: 100 });
      expect(recovered.requeued).toBeGreaterThanOrEqual(1);
      await expect.poll(async () => (await ctx.store.findMessage(message.id))?.status, { timeout: 20_000 }).toBe('DONE');
      expect(await galleryOf(user)).toHaveLength(1);
    } finally {
      await workers.close();
    }
  });

  it('a message whose job failed without telling it is failed', async () => {
    const user = `orphan-${prefix}`;
    const { message } = await postedMessage(user, 'a snowy village');
    await jobFor('prompt', message);
    // A worker takes the job and fails it, and dies before the message hears of it.
    const worker = new Worker<StageJob>('prompt', null, { connection: redis, prefix, autorun: false });
    const token = 'test-token';
    const taken = await worker.getNextJob(token);
    expect(taken?.id).toBe(stageJobId(message.id, 'prompt'));
    await taken?.moveToFailed(new Error('the machine caught fire'), token);
    await worker.close();

    const recovered = await recoverStalledMessages(ctx, { idleMs: 0, limit: 100 });
    expect(recovered.failed).toBeGreaterThanOrEqual(1);
    expect(await ctx.store.findMessage(message.id)).toMatchObject({
      status: 'FAILED',
      // The job's own failure text stays in the log: it could hold anything.
      error: { code: 'worker_lost', stage: 'queued', message: 'the job carrying it out failed without finishing it', retryable: true },
    });
  });
});
