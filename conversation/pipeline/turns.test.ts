import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Postgres } from '../../shared/connections/postgres.js';
import type { Redis } from '../../shared/connections/redis.js';
import { newId } from '../../shared/ids.js';
import { stageJobId } from '../../shared/queues.js';
import { createTestPostgres } from '../../shared/testing/postgres.js';
import { createTestRedis, deleteKeysWithPrefix, uniquePrefix } from '../../shared/testing/redis.js';
import type { MessageRecord } from '../message.js';
import { messageRecord, progressed, sessionRecord } from '../store/fixtures.js';
import type { ConversationStore } from '../store/port.js';
import { createTestConversationStore } from '../store/test-store.js';
import { createPipelineQueues, type PipelineQueues } from './queues.js';
import { endTurn } from './turns.js';

/** Each session's turn on real Redis, handed on through the real store: one message at a time, in order, none forgotten. */

let postgres: Postgres;
let redis: Redis;
let store: ConversationStore;
let queues: PipelineQueues;
let closeStore: () => Promise<void>;
const prefix = uniquePrefix('turns');

beforeAll(async () => {
  postgres = await createTestPostgres();
  ({ store, close: closeStore } = await createTestConversationStore(postgres));
  redis = createTestRedis();
  queues = createPipelineQueues({ connection: redis, prefix, attempts: 1, backoffMs: 10 });
});
afterAll(async () => {
  await queues?.close();
  await redis?.quit();
  await closeStore?.();
  await postgres?.close();
  await deleteKeysWithPrefix(prefix);
});

/** A session id for the turn alone (no store involved). */
const session = async () => newId();

/** A stored session, and a way to post (store) a message into it. */
async function newSession(): Promise<{ id: string; post(): Promise<MessageRecord> }> {
  const record = sessionRecord(`turns-${newId()}`);
  await store.insertSession(record);
  return {
    id: record.id,
    post: async () => {
      const message = messageRecord(record);
      await store.insertMessage(message);
      return message;
    },
  };
}

const finish = async (message: MessageRecord) => {
  expect(await store.replaceMessage(progressed(message, { status: 'DONE', stage: 'done', completedAt: new Date() }), message.sequence)).toBe(true);
};
const hasPromptJob = async (message: MessageRecord) => (await queues.prompt.getJob(stageJobId(message.id, 'prompt'))) !== undefined;

describe('a session turn', () => {
  it('goes to one message at a time: a second waits, the holder may claim again, only the holder hands it back', async () => {
    const id = await session();
    const [a, b] = [newId(), newId()];
    expect(await queues.turns.claim(id, a)).toBe(true);
    expect(await queues.turns.claim(id, b)).toBe(false);
    expect(await queues.turns.claim(id, a)).toBe(true);
    await queues.turns.release(id, b);
    expect(await queues.turns.holder(id)).toBe(a);
    await queues.turns.release(id, a);
    expect(await queues.turns.holder(id)).toBeNull();
    expect(await queues.turns.claim(id.toUpperCase(), b.toUpperCase())).toBe(true);
    expect(await queues.turns.holder(id)).toBe(b);
  });

  it('lets exactly one of many messages claiming an idle session at once have it', async () => {
    const id = await session();
    const claims = await Promise.all(Array.from({ length: 16 }, () => queues.turns.claim(id, newId())));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('keeps sessions apart', async () => {
    const [one, two] = [await session(), await session()];
    expect(await queues.turns.claim(one, newId())).toBe(true);
    expect(await queues.turns.claim(two, newId())).toBe(true);
  });
});

describe('handing the turn on', () => {
  it('starts the next message in line when the holder ends, in the order they were posted', async () => {
    const { id, post } = await newSession();
    const [first, second, third] = [await post(), await post(), await post()];
    expect(await queues.turns.claim(id, first.id)).toBe(true);
    expect(await queues.turns.claim(id, second.id)).toBe(false); // posted meanwhile: it waits

    await finish(first);
    expect(await endTurn({ store, queues }, first)).toMatchObject({ id: second.id });
    expect(await hasPromptJob(second)).toBe(true);
    expect(await hasPromptJob(third)).toBe(false);
    expect(await queues.turns.holder(id)).toBe(second.id);

    await finish(second);
    expect(await endTurn({ store, queues }, second)).toMatchObject({ id: third.id });
    await finish(third);
    expect(await endTurn({ store, queues }, third)).toBeNull();
    expect(await queues.turns.holder(id)).toBeNull();
  });

  it('forgets no message posted while the one before it ends, whichever goes first', async () => {
    // The poster stores its message, then claims; the finisher hands back, then looks for the next.
    // Posted before the finisher looks: the finisher starts it.
    const early = await newSession();
    const holder = await early.post();
    await queues.turns.claim(early.id, holder.id);
    const late = await early.post();
    expect(await queues.turns.claim(early.id, late.id)).toBe(false);
    await finish(holder);
    expect(await endTurn({ store, queues }, holder)).toMatchObject({ id: late.id });

    // Posted after the finisher looked: the turn is free, and the poster takes it.
    const after = await newSession();
    const done = await after.post();
    await queues.turns.claim(after.id, done.id);
    await finish(done);
    expect(await endTurn({ store, queues }, done)).toBeNull();
    const next = await after.post();
    expect(await queues.turns.claim(after.id, next.id)).toBe(true);
  });
});
