import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../shared/testing/postgres.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../shared/testing/redis.js';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * What must outlive a crash or a Redis that restarts empty: a message's Idempotency-Key, a
 * message that failed (its dead letter), and image links, which are built when they are read.
 * One database throughout; the Redis keys of the first run are deleted, as a Redis without
 * persistence loses them on a restart.
 */

const IMAGE_MODEL = 'gemini-2.5-flash-image';
const database = await createTestDatabaseUrl();

describe.skipIf(!database)('after a restart whose Redis came back empty (needs a Postgres server: DATABASE_URL)', () => {
  let gemini: FakeGemini;
  let prefix: string;
  const runs: TestAtelier[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const atelier = await startTestAtelier({
      DATABASE_URL: database?.url ?? '',
      QUEUE_PREFIX: prefix,
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: gemini.url,
      PROMPT_PROVIDER: 'offline',
      IMAGE_PROVIDER: 'gemini',
      JOB_ATTEMPTS: '1',
      ...env,
    });
    runs.push(atelier);
    return atelier;
  };
  /** Stop a run as a crash would leave things: its Redis keys gone, its database kept. */
  const crash = async (atelier: TestAtelier) => {
    await atelier.stop();
    await deleteKeysWithPrefix(prefix);
  };

  let session: string;
  let keyed: { id: string; location: string };
  let failed: string;
  let imageId: string;

  beforeAll(async () => {
    gemini = await startFakeGemini();
    prefix = uniquePrefix('durable');
    const first = await start({ PUBLIC_URL: 'http://first.example' });
    const socket = await first.connect();
    const events = recordMessageEvents(socket);
    session = (await first.api('POST', '/api/v1/chat/sessions/', {})).body.id;
    await socket.emitWithAck('subscribe', { session_id: session });
    const path = `/api/v1/chat/sessions/${session}/messages/`;

    const posted = await first.api('POST', path, { content: 'a paper boat' }, { 'idempotency-key': 'boat-1' });
    keyed = { id: posted.body.id, location: posted.headers.get('location') as string };
    const done = (await events.untilFinal(keyed.id)).at(-1);
    imageId = (done?.image as { id: string }).id;

    gemini.script(IMAGE_MODEL, { status: 400 });
    failed = (await first.api('POST', path, { content: 'a glass harp' })).body.id;
    expect((await events.untilFinal(failed)).at(-1)).toMatchObject({ status: 'FAILED' });
    await crash(first);
  });

  afterAll(async () => {
    for (const atelier of runs) await atelier.close();
    await gemini?.close();
    await database?.drop();
  });

  it('replays the original answer for a retried Idempotency-Key: same message, no second image', async () => {
    const second = await start({ PUBLIC_URL: 'http://second.example' });
    const images = gemini.requests.filter((request) => request.model === IMAGE_MODEL).length;
    const again = await second.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a paper boat' }, { 'idempotency-key': 'boat-1' });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ id: keyed.id, status: 'PENDING', sequence: 1 });
    const other = await second.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a paper plane' }, { 'idempotency-key': 'boat-1' });
    expect(other.status).toBe(422);
    expect(gemini.requests.filter((request) => request.model === IMAGE_MODEL)).toHaveLength(images);
  });

  it('still lists the failed message as a dead letter, and retries it to DONE', async () => {
    const atelier = runs.at(-1) as TestAtelier;
    const letters = (await atelier.api('GET', '/internal/v1/dead-letters/')).body.data as Array<{ message_id: string }>;
    expect(letters.map((letter) => letter.message_id)).toContain(failed);
    expect((await atelier.api('POST', `/internal/v1/dead-letters/${failed}/retry/`)).status).toBe(202);
    await expect
      .poll(async () => (await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${failed}/`)).body.status, { timeout: 20_000 })
      .toBe('DONE');
  });

  it('links images with the address of the process that answers, not the one that stored them', async () => {
    const atelier = runs.at(-1) as TestAtelier;
    const message = await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${keyed.id}/`);
    expect(message.body.image_url).toMatch(/^http:\/\/second\.example\/media\//);
    const row = await atelier.api('GET', `/v1/gallery/${imageId}/`);
    // The same file; each read signs its URL anew (the signatures agree but for the expiry).
    expect(row.body.url.split('?')[0]).toBe(message.body.image_url.split('?')[0]);
    // The id the message shows is the gallery row's, from the start.
    expect(message.body.image.id).toBe(imageId);
  });
});
