import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { App } from '../../shared/http.js';
import { createLogger } from '../../shared/logger.js';
import { createTestRedis, uniquePrefix } from '../../shared/testing/redis.js';
import { createApp } from '../app.js';
import { idempotency } from './idempotency.js';

const redis = createTestRedis();
afterAll(() => redis.quit());

/** A POST route that counts what it does and can be held open, behind the middleware. */
function appWithRoute(userId = 'local') {
  const state = { created: 0, gate: Promise.resolve(), fail: false, reachedGate: () => {} };
  const app: App = createApp({
    logger: createLogger({ level: 'silent' }),
    localUserId: userId,
    corsOrigins: '*',
    bodyLimitBytes: 64 * 1024,
    register: (target) => {
      target.use('/things', idempotency({ redis, keyPrefix: prefix }));
      target.post('/things', async (c) => {
        const body = await c.req.json<{ name: string }>();
        state.reachedGate();
        await state.gate;
        if (state.fail) throw new AppError('service_unavailable', 'down');
        state.created += 1;
        c.header('Location', `/things/${state.created}`);
        return c.json({ id: state.created, name: body.name }, 202);
      });
    },
  });
  return { app, state };
}

const prefix = uniquePrefix('idem');
const post = (app: App, key: string | undefined, body: unknown) =>
  app.request('/things', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });

describe('Idempotency-Key', () => {
  it('replays the original response for the same key and body, doing nothing again', async () => {
    const { app, state } = appWithRoute();
    const first = await post(app, 'k-same', { name: 'a' });
    const again = await post(app, 'k-same', { name: 'a' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(state.created).toBe(1);
  });

  it('compares JSON bodies by value, not by spacing or key order', async () => {
    const { app, state } = appWithRoute();
    await post(app, 'k-order', { name: 'a', tags: { x: 1, y: 2 } });
    const reordered = await app.request('/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-order' },
      body: '{ "tags": {"y":2,"x":1}, "name": "a" }',
    });
    expect(reordered.status).toBe(202);
    expect(state.created).toBe(1);
  });

  it('refuses the same key with another body: 422, nothing done', async () => {
    const { app, state } = appWithRoute();
    await post(app, 'k-other', { name: 'a' });
    const other = await post(app, 'k-other', { name: 'b' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
    expect(state.created).toBe(1);
  });

  it('refuses a duplicate while the first is still running: 409, then replays once it is done', async () => {
    const { app, state } = appWithRoute();
    let release!: () => void;
    state.gate = new Promise((resolve) => (release = resolve));
    const inHandler = new Promise<void>((resolve) => (state.reachedGate = resolve));
    const first = post(app, 'k-busy', { name: 'a' });
    await inHandler; // the first request holds the key and waits on the gate
    expect((await post(app, 'k-busy', { name: 'a' })).status).toBe(409);
    release();
    expect((await first).status).toBe(202);
    expect((await post(app, 'k-busy', { name: 'a' })).status).toBe(202);
    expect(state.created).toBe(1);
  });

  it('frees the key after an error, so the client can retry with it', async () => {
    const { app, state } = appWithRoute();
    state.fail = true;
    expect((await post(app, 'k-error', { name: 'a' })).status).toBe(503);
    state.fail = false;
    expect((await post(app, 'k-error', { name: 'a' })).status).toBe(202);
    expect(state.created).toBe(1);
  });

  it('keeps keys per user', async () => {
    const alice = appWithRoute('alice');
    const bob = appWithRoute('bob');
    await post(alice.app, 'k-user', { name: 'a' });
    expect((await post(bob.app, 'k-user', { name: 'different' })).status).toBe(202);
    expect(bob.state.created).toBe(1);
  });

  it('refuses a malformed key and leaves requests without one alone', async () => {
    const { app, state } = appWithRoute();
    const bad = await post(app, 'x'.repeat(300), { name: 'a' });
    expect(bad.status).toBe(400);
    await post(app, undefined, { name: 'a' });
    await post(app, undefined, { name: 'a' });
    expect(state.created).toBe(2);
  });
});
