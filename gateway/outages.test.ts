import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeCloudinary, type FakeCloudinary } from '../shared/testing/fakes/cloudinary-server.js';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { createTestDatabaseUrl } from '../shared/testing/postgres.js';
import { testRedisUrl } from '../shared/testing/redis.js';
import { startTcpProxy, type TcpProxy } from '../shared/testing/tcp-proxy.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier } from './test-harness.js';

/**
 * Our own infrastructure failing under a running Atelier: Redis and the database taken away (a
 * proxy in front of the real servers drops and refuses connections, or freezes them), the image
 * storage refusing writes. Every answer is fast and clear, nothing is left that will never move,
 * and the system recovers by itself.
 */

/** A request that must be answered promptly: one that hangs fails the test instead of the suite. */
const PROMPT_ANSWER_MS = 5000;
const SQL = /select |insert |update |delete |chat_|gallery_images|\$\d/i;

const WARN = 40;

function logsAbout(atelier: TestAtelier, dependency: string, level: number) {
  return atelier.logs.filter((line) => line.dependency === dependency && line.level === level);
}

describe('Redis stops answering', () => {
  let proxy: TcpProxy;
  let atelier: TestAtelier;
  const consoleError = vi.spyOn(console, 'error');

  beforeAll(async () => {
    const redis = new URL(testRedisUrl());
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    atelier = await startTestAtelier({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { captureLogs: true });
  });
  afterAll(async () => {
    await proxy?.restore();
    await atelier?.close();
    await proxy?.close();
  });

  const post = (session: string, content: string) =>
    fetch(`${atelier.url}/api/v1/chat/sessions/${session}/messages/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${atelier.token}` },
      body: JSON.stringify({ content, options: { width: 128, height: 128 } }),
      signal: AbortSignal.timeout(PROMPT_ANSWER_MS),
    });

  it('answers 503 at once, leaves nothing that will never move, logs the outage once, and recovers by itself', async () => {
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await proxy.cut();

    for (let attempt = 0; attempt < 4; attempt += 1) {
      const refused = await post(session, `a lighthouse ${attempt}`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
    }
    // No message is left waiting for a pipeline that never heard of it: once the connection is
    // known to be down nothing is stored; a post that raced the disconnect ended FAILED, retryable.
    const stored = (await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/`)).body.data as MessageEvent[];
    expect(stored.length).toBeLessThan(4);
    for (const message of stored) expect(message).toMatchObject({ status: 'FAILED', error: { code: 'service_unavailable', retryable: true } });
    // The operators' view does not need Redis either.
    expect((await atelier.api('GET', '/internal/v1/dead-letters/')).status).toBe(200);
    expect(logsAbout(atelier, 'redis', WARN)).toHaveLength(1);

    await proxy.restore();
    let accepted: { id: string } | undefined;
    await expect
      .poll(
        async () => {
          const reply = await post(session, 'a lighthouse at dusk');
          if (reply.status === 202) accepted = (await reply.json()) as { id: string };
          return reply.status;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(202);
    await expect
      .poll(async () => (await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${accepted?.id}/`)).body.status, {
        timeout: 20_000,
      })
      .toBe('DONE');
    await expect.poll(() => atelier.logs.some((line) => line.dependency === 'redis' && /answering again/.test(line.msg))).toBe(true);
    expect(logsAbout(atelier, 'redis', WARN)).toHaveLength(1);
    expect(consoleError.mock.calls.flat().join(' ')).not.toMatch(/Unhandled error event/);
  });

  it('answers 503 within the command timeout when Redis hangs, and leaves the message FAILED and retryable', async () => {
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await proxy.hang();
    try {
      const refused = await post(session, 'a harbour at night');
      expect(refused.status).toBe(503);
      const messages = (await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/`)).body.data as MessageEvent[];
      // Either nothing was stored, or the message ended FAILED and can be sent again.
      for (const message of messages) expect(message).toMatchObject({ status: 'FAILED', error: { retryable: true } });
    } finally {
      await proxy.restore();
    }
    await expect.poll(async () => (await post(session, 'a harbour at dawn')).status, { timeout: 20_000, interval: 250 }).toBe(202);
  });
});

const databaseServer = await createTestDatabaseUrl();

describe.skipIf(!databaseServer)('the database stops answering (needs a Postgres server: DATABASE_URL)', () => {
  const IMAGE_MODEL = 'gemini-2.5-flash-image';
  let proxy: TcpProxy;
  let gemini: FakeGemini;
  let atelier: TestAtelier;
  let socket: Socket;

  beforeAll(async () => {
    const database = new URL(databaseServer?.url ?? '');
    proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
    database.hostname = '127.0.0.1';
    database.port = String(proxy.port);
    gemini = await startFakeGemini();
    atelier = await startTestAtelier(
      {
        DATABASE_URL: database.toString(),
        GEMINI_API_KEY: 'test-key',
        GEMINI_BASE_URL: gemini.url,
        PROMPT_PROVIDER: 'offline',
        IMAGE_PROVIDER: 'gemini',
      },
      { captureLogs: true },
    );
    socket = await atelier.connect();
  });
  afterAll(async () => {
    await proxy?.restore();
    await atelier?.close();
    await Promise.all([proxy?.close(), gemini?.close()]);
    await databaseServer?.drop();
  });

  it('answers 503 service_unavailable, never 500, names the database and never its SQL', async () => {
    await proxy.cut();
    try {
      for (const [method, url, body] of [
        ['GET', '/api/v1/chat/sessions/', undefined],
        ['POST', '/api/v1/chat/sessions/', { title: 'x' }],
        ['GET', '/v1/gallery/', undefined],
        ['GET', '/internal/v1/dead-letters/', undefined],
      ] as const) {
        const reply = await atelier.api(method, url, body);
        expect(reply.status, `${method} ${url}`).toBe(503);
        expect(reply.body.error.code).toBe('service_unavailable');
        expect(reply.body.error.message).toMatch(/database/);
        expect(JSON.stringify(reply.body)).not.toMatch(SQL);
      }
      // Four failed requests, one line in the log.
      expect(logsAbout(atelier, 'database', WARN)).toHaveLength(1);
      const ready = await atelier.api('GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks['database (postgres)']).toMatchObject({ ok: false, error: expect.stringMatching(/not answering/) });
      expect(JSON.stringify(ready.body)).not.toMatch(SQL);
    } finally {
      await proxy.restore();
    }
    await expect.poll(async () => (await atelier.api('GET', '/api/v1/chat/sessions/')).status, { timeout: 10_000 }).toBe(200);
  });

  it('lets a message in flight wait the outage out and finish, showing no SQL on the way', async () => {
    const events = recordMessageEvents(socket);
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await socket.emitWithAck('subscribe', { session_id: session });
    let release: () => void = () => {};
    gemini.script(IMAGE_MODEL, { hold: new Promise<void>((resolve) => (release = resolve)) });
    const posted = (await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a field of tulips' })).body as { id: string };
    await gemini.waitForRequest((request) => request.model === IMAGE_MODEL);

    // The image arrives while the database is gone: the stage cannot record it, and waits (its
    // job is delayed, spending no attempt) until the database is back.
    await proxy.cut();
    release();
    await expect.poll(() => atelier.ctx.queues.image.getDelayedCount(), { timeout: 10_000 }).toBe(1);
    await proxy.restore();

    const history = await events.untilFinal(posted.id);
    expect(history.at(-1)).toMatchObject({ status: 'DONE', intent: 'generate', attempts: 1 });
    expect(JSON.stringify(history)).not.toMatch(SQL);
  });
});

describe('the image storage fails', () => {
  it('a media folder that cannot be written is a retryable 503 storage_unavailable', async () => {
    const atelier = await startTestAtelier();
    try {
      // A file where the user's folder should be: every write under it fails.
      await mkdir(path.join(atelier.dataDir, 'media', 'users'), { recursive: true });
      await writeFile(path.join(atelier.dataDir, 'media', 'users', atelier.user.id), 'not a folder');
      const reply = await atelier.api('POST', '/v1/image/generate/', { prompt: 'a red kite', width: 128, height: 128 });
      expect(reply.status).toBe(503);
      expect(reply.headers.get('retry-after')).toBe('1');
      expect(reply.body.error).toMatchObject({ code: 'storage_unavailable' });
      expect(reply.body.error.message).not.toMatch(/\/|ENOTDIR|EEXIST/);
    } finally {
      await atelier.close();
    }
  });

  describe('Cloudinary answering 5xx', () => {
    let cloudinary: FakeCloudinary;
    let atelier: TestAtelier;
    beforeAll(async () => {
      cloudinary = await startFakeCloudinary();
      atelier = await startTestAtelier({ CLOUDINARY_URL: cloudinary.cloudinaryUrl });
    });
    afterAll(async () => {
      await atelier?.close();
      await cloudinary?.close();
    });

    it('is a retryable 503 storage_unavailable on the image route', async () => {
      cloudinary.failNext({ status: 500 });
      const reply = await atelier.api('POST', '/v1/image/generate/', { prompt: 'a red kite', width: 128, height: 128 });
      expect(reply.status).toBe(503);
      expect(reply.body.error).toMatchObject({ code: 'storage_unavailable' });
    });
  });
});
