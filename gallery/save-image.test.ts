import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskStorage, createMediaLinks, createMediaSigner } from '../image-service/index.js';
import type { Postgres } from '../shared/connections/postgres.js';
import { AppError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { createLogger } from '../shared/logger.js';
import { createRedisPublisher, rooms } from '../shared/realtime.js';
import { createTestPostgres } from '../shared/testing/postgres.js';
import { createTestRedis, uniquePrefix } from '../shared/testing/redis.js';
import type { GalleryContext } from './context.js';
import { migrateGallery } from './migrate.js';
import { saveImage, type SaveImageInput } from './save-image.js';
import { galleryImages } from './schema.js';

let postgres: Postgres;
let mediaDir: string;
let ctx: GalleryContext;
let channelKey: string;
const redis = createTestRedis();
const subscriber = createTestRedis();

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateGallery(postgres);
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'gallery-save-'));
  channelKey = uniquePrefix('gallery');
  ctx = {
    db: postgres.db,
    storage: createDiskStorage({ mediaDir }),
    links: createMediaLinks({ publicUrl: 'http://localhost:9999', signer: createMediaSigner({ key: randomBytes(32), ttlSeconds: 3600 }) }),
    realtime: createRedisPublisher(redis, channelKey, () => {}),
    logger: createLogger({ level: 'silent' }),
  };
});

afterAll(async () => {
  await postgres?.close();
  await redis.quit();
  await subscriber.quit();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

/** What the pipeline's finalize stage files for a message. */
function pipelineImage(userId: string, messageId: string): SaveImageInput {
  return {
    userId,
    sessionId: newId(),
    messageId,
    prompt: 'a sunset over the sea',
    refinedPrompt: 'a warm sunset over a calm sea, golden hour',
    intent: 'generate',
    provider: 'offline',
    model: 'offline-renderer-1',
    seed: 42,
    width: 512,
    height: 512,
    format: 'png',
    bytes: 1234,
    url: `http://localhost:9999/media/users/${userId}/${messageId}.png`,
    storage: 'disk',
    storageKey: `users/${userId}/${messageId}.png`,
  };
}

async function rowsForMessage(messageId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(galleryImages)
    .where(eq(galleryImages.messageId, messageId));
  return row?.n ?? 0;
}

/**
 * The raw Socket.IO broadcasts to one user's room. Pub/sub keeps order, so once a marker we send
 * last has arrived, everything sent before it has too: no waiting for events that should not come.
 */
async function watchUserRoom(userId: string) {
  const channel = `${channelKey}#/#${rooms.user(userId)}#`;
  const messages: Buffer[] = [];
  let onMessage = () => {};
  subscriber.on('messageBuffer', (from: Buffer, message: Buffer) => {
    if (from.toString() !== channel) return;
    messages.push(message);
    onMessage();
  });
  await subscriber.subscribe(channel);
  return {
    /** Every broadcast before now, once a marker sent now has come back. */
    async settled(): Promise<Buffer[]> {
      const marker = `marker-${newId()}`;
      const arrived = new Promise<void>((resolve) => {
        onMessage = () => {
          if (messages.some((m) => m.includes(marker))) resolve();
        };
      });
      ctx.realtime.toUser(userId, 'gallery.image.restored', { marker });
      await arrived;
      return messages.filter((m) => !m.includes(marker));
    },
  };
}

const named = (event: string) => (message: Buffer) => message.includes(event);

describe('saveImage', () => {
  it('files one row per message: saving again returns the same row and announces nothing', async () => {
    const userId = `user-${newId()}`;
    const room = await watchUserRoom(userId);
    const messageId = newId();

    const first = await saveImage({ ctx, input: pipelineImage(userId, messageId) });
    const again = await saveImage({ ctx, input: { ...pipelineImage(userId, messageId), url: 'http://elsewhere/x.png' } });

    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.image).toEqual(first.image);
    expect(await rowsForMessage(messageId)).toBe(1);

    const events = await room.settled();
    expect(events.filter(named('gallery.image.created'))).toHaveLength(1);
    expect(events[0]!.includes(first.image.id)).toBe(true);
  });

  it('two concurrent saves of one message agree on one row', async () => {
    const userId = `user-${newId()}`;
    const room = await watchUserRoom(userId);
    const messageId = newId();

    const results = await Promise.all([
      saveImage({ ctx, input: pipelineImage(userId, messageId) }),
      saveImage({ ctx, input: pipelineImage(userId, messageId) }),
      saveImage({ ctx, input: pipelineImage(userId, messageId) }),
    ]);

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.image.id)).size).toBe(1);
    expect(await rowsForMessage(messageId)).toBe(1);
    expect((await room.settled()).filter(named('gallery.image.created'))).toHaveLength(1);
  });

  it("will not file a message's image in a second user's gallery, nor reveal the first", async () => {
    const messageId = newId();
    const owner = await saveImage({ ctx, input: pipelineImage(`owner-${newId()}`, messageId) });

    const attempt = saveImage({ ctx, input: pipelineImage(`other-${newId()}`, messageId) });

    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    await expect(attempt).rejects.not.toHaveProperty('message', expect.stringContaining(owner.image.id));
    expect(await rowsForMessage(messageId)).toBe(1);
  });

  it('images without a message are each filed, with fresh time-ordered ids', async () => {
    const userId = `user-${newId()}`;
    const input = { ...pipelineImage(userId, newId()), messageId: null };

    const a = await saveImage({ ctx, input });
    const b = await saveImage({ ctx, input });

    expect(a.created && b.created).toBe(true);
    expect(a.image.id < b.image.id).toBe(true);
    expect(a.image).toMatchObject({ userId, messageId: null, storage: 'disk', seed: 42, metadata: {} });
  });
});
