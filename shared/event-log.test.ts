import { afterAll, describe, expect, it } from 'vitest';
import { appendToEventLog, comparePositions, createEventFeed, type LoggedEvent } from './event-log.js';
import { createTestRedis, deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from './testing/redis.js';

const redis = createTestRedis();
const channelKey = uniquePrefix('event-log');
const feed = createEventFeed({ redis, redisUrl: testRedisUrl(), channelKey, onRedisError: () => {} });
const session = '019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e';
const message = '019a0c4e-9d0a-7c35-9d2a-4f6e1b2c3d4e';

afterAll(async () => {
  await feed.close();
  await deleteKeysWithPrefix(channelKey);
  await redis.quit();
});

describe('the message event log', () => {
  it('logs and announces each change once, in order, and drops one older than what it holds', async () => {
    const heard: LoggedEvent[] = [];
    const stop = await feed.listen(session.toUpperCase(), (event) => heard.push(event));
    const first = await appendToEventLog(redis, channelKey, { sessionId: session, messageId: message, sequence: 1, message: { step: 'one' } });
    const third = await appendToEventLog(redis, channelKey, { sessionId: session, messageId: message, sequence: 3, message: { step: 'three' } });
    // A writer that lost the race publishes late: the log keeps the sequence rising.
    expect(await appendToEventLog(redis, channelKey, { sessionId: session, messageId: message, sequence: 2, message: { step: 'two' } })).toBeNull();
    expect(first).not.toBeNull();
    expect(comparePositions(first as string, third as string)).toBeLessThan(0);

    const logged = await feed.read(session);
    expect(logged.map((event) => [event.sequence, event.message])).toEqual([
      [1, { step: 'one' }],
      [3, { step: 'three' }],
    ]);
    expect((await feed.read(session, first as string)).map((event) => event.position)).toEqual([third]);
    // Announced as logged: the same positions, whatever case the session id was given in.
    await expect.poll(() => heard.map((event) => event.position)).toEqual([first, third]);
    stop();
  });

  it('orders positions by time, then by their counter', () => {
    expect(comparePositions('1700000000000-1', '1700000000000-0')).toBeGreaterThan(0);
    expect(comparePositions('1699999999999-9', '1700000000000-0')).toBeLessThan(0);
    expect(comparePositions('5-5', '5-5')).toBe(0);
  });
});
