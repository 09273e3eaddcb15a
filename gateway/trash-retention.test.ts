import { readdir } from 'node:fs/promises';
import { Queue } from 'bullmq';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURGE_EVERY_MS, TRASH_PURGE_QUEUE } from '../gallery/index.js';
import { createRedis } from '../shared/connections/redis.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier, type TestUser } from './test-harness.js';

/** Issue 9, "Trash that empties itself": the retention purge (a BullMQ job, on a clock the test moves) and emptying the trash now. */

const DAY_MS = 24 * 3600 * 1000;

interface Trashed {
  id: string;
  deleted_at: string;
  purge_at: string;
}

describe('trash retention', () => {
  let atelier: TestAtelier;
  let socket: Socket;
  // The purge's clock: the wall clock, until a test moves it.
  let offsetMs = 0;

  beforeAll(async () => {
    atelier = await startTestAtelier({ TRASH_RETENTION_DAYS: '30' }, { now: () => new Date(Date.now() + offsetMs), captureLogs: true });
    socket = await atelier.connect();
  });
  afterAll(async () => {
    await atelier?.close();
  });

  const generate = async (user: TestUser, prompt: string) => {
    const reply = await user.api('POST', '/v1/image/generate/', { prompt, width: 64, height: 64 });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body.id as string;
  };
  const trash = async (user: TestUser, id: string) => expect((await user.api('DELETE', `/v1/gallery/${id}/`)).status).toBe(200);
  const trashOf = async (user: TestUser) => (await user.api('GET', '/v1/gallery/deleted/?limit=100')).body.data as Trashed[];
  const filesOf = async (user: TestUser) =>
    (await readdir(path.join(atelier.dataDir, 'media', 'users', encodeURIComponent(user.user.id))).catch(() => [] as string[])).sort();

  it('is scheduled hourly, with the workers', async () => {
    const redis = createRedis(atelier.env.REDIS_URL!, () => undefined);
    const queue = new Queue(TRASH_PURGE_QUEUE, { connection: redis, prefix: atelier.env.QUEUE_PREFIX! });
    try {
      expect(await queue.getJobScheduler('trash-retention')).toMatchObject({ every: PURGE_EVERY_MS });
    } finally {
      await queue.close();
      await redis.quit();
    }
  });

  it('shows when each trashed image will be purged', async () => {
    const id = await generate(atelier, 'a quiet harbour');
    await trash(atelier, id);
    const [shown] = (await trashOf(atelier)).filter((image) => image.id === id);
    expect(Date.parse(shown!.purge_at) - Date.parse(shown!.deleted_at)).toBe(30 * DAY_MS);
    await atelier.api('DELETE', `/v1/gallery/${id}/permanent/`);
  });

  it('the job keeps images trashed 29 days ago and purges those trashed 31 days ago, files and thumbnails included', async () => {
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    const events = recordMessageEvents(socket);
    const posted = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a red kite', options: { width: 64, height: 64 } });
    const made = (await events.untilFinal(posted.body.id as string)).at(-1) as MessageEvent & { image: { id: string } };
    const ids = [made.image.id, await generate(atelier, 'a green field'), await generate(atelier, 'a blue door')];
    for (const id of ids) await trash(atelier, id);
    expect((await filesOf(atelier)).filter((file) => ids.some((id) => file.startsWith(id)))).toHaveLength(6); // image + thumbnail each
    const deleted: { id: string; permanent: boolean }[] = [];
    socket.on('gallery.image.deleted', (payload: { id: string; permanent: boolean }) => deleted.push(payload));

    offsetMs = 29 * DAY_MS;
    expect(await atelier.trashPurge!.runNow()).toEqual({ deleted: 0, kept: 0 });
    expect((await trashOf(atelier)).map((image) => image.id)).toEqual(expect.arrayContaining(ids));

    offsetMs = 31 * DAY_MS;
    expect(await atelier.trashPurge!.runNow()).toEqual({ deleted: 3, kept: 0 });
    expect((await trashOf(atelier)).filter((image) => ids.includes(image.id))).toEqual([]);
    for (const id of ids) expect((await atelier.api('GET', `/v1/gallery/${id}/`)).status).toBe(404);
    expect((await filesOf(atelier)).filter((file) => ids.some((id) => file.startsWith(id)))).toEqual([]);

    // As a delete for good: the event, permanent, and the message that made it says so.
    await expect.poll(() => deleted.filter((event) => event.permanent).map((event) => event.id).sort()).toEqual([...ids].sort());
    const message = await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${made.id}/`);
    expect(message.body).toMatchObject({ image: null, image_deleted_at: expect.any(String) });
    // Logged, with the ids.
    const logged = atelier.logs.filter((line) => line.msg === 'trash purged (retention)');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 30, count: 3 });
    expect([...(logged[0]!.ids as string[])].sort()).toEqual([...ids].sort());
    offsetMs = 0;
  });

  it("DELETE /v1/gallery/deleted/ empties the caller's trash now, and only the caller's", async () => {
    const other = await atelier.signUp('neighbour');
    const theirs = await generate(other, 'their picture');
    await trash(other, theirs);
    const mine = [await generate(atelier, 'my first'), await generate(atelier, 'my second')];
    for (const id of mine) await trash(atelier, id);
    const live = await generate(atelier, 'still in my gallery');

    const emptied = await atelier.api('DELETE', '/v1/gallery/deleted/');
    expect(emptied.status).toBe(200);
    expect(emptied.body).toEqual({ deleted: 2 });
    expect(await trashOf(atelier)).toEqual([]);
    expect((await filesOf(atelier)).filter((file) => mine.some((id) => file.startsWith(id)))).toEqual([]);
    expect((await atelier.api('GET', `/v1/gallery/${live}/`)).status).toBe(200);

    // The neighbour's trash and files are untouched.
    expect((await trashOf(other)).map((image) => image.id)).toEqual([theirs]);
    expect(await filesOf(other)).toEqual([`${theirs}.png`, `${theirs}.thumb.webp`]);
    // Nothing left: emptying again deletes nothing.
    expect((await atelier.api('DELETE', '/v1/gallery/deleted')).body).toEqual({ deleted: 0 });
  });
});
