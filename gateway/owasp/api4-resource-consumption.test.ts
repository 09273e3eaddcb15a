import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, users } from '../../identity/index.js';
import { testRedisUrl } from '../../shared/testing/redis.js';
import { startTcpProxy, type TcpProxy } from '../../shared/testing/tcp-proxy.js';
import { callApi, recordMessageEvents, startTestAtelier, type ApiResponse, type TestAtelier, type TestUser } from '../test-harness.js';

/**
 * OWASP API4:2023 Unrestricted Resource Consumption. What costs something is limited, and the
 * limits hold under a burst of concurrent requests: the costly routes per user, the auth routes
 * per address, failed sign-ins per email and per address, and images per user a day and per
 * organisation a month. A refused request says how long to wait; a generation that fails gives
 * its unit back, once. Limits are set low through the environment; each burst is sent at once
 * (Promise.all), so only an atomic count lets exactly the limit through.
 */

const PASSWORD = 'correct horse battery staple';
const SMALL = { width: 128, height: 128 };

const statuses = (replies: ApiResponse[]) => replies.map((reply) => reply.status).sort();
const count = (replies: ApiResponse[], status: number) => replies.filter((reply) => reply.status === status).length;

function expectRefusal(reply: ApiResponse, code: 'rate_limited' | 'quota_exceeded') {
  expect(reply.status).toBe(429);
  expect(reply.body.error).toMatchObject({ code, request_id: reply.headers.get('x-request-id') });
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  return retryAfter;
}

/** A session of `user`'s, subscribed to on `socket`, so its messages can be followed to the end. */
async function sessionOf(user: TestUser, socket: Socket): Promise<string> {
  const id = (await user.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  expect(await socket.emitWithAck('subscribe', { session_id: id })).toMatchObject({ ok: true });
  return id;
}

describe('rate limits', () => {
  let atelier: TestAtelier;
  let ada: TestUser;
  let bo: TestUser;
  let anonymous: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

  beforeAll(async () => {
    atelier = await startTestAtelier({
      RATE_LIMIT_PER_MINUTE: '5',
      AUTH_RATE_LIMIT_PER_MINUTE: '4',
      LOGIN_MAX_FAILURES_PER_IP: '3',
      // Behind a proxy: each test names its own client address in X-Forwarded-For. (The accounts
      // below are made from the socket's address: three of its four auth requests a minute.)
      TRUST_PROXY: 'true',
    });
    [ada, bo] = [await atelier.signUp('ada'), await atelier.signUp('bo')];
    anonymous = (method, path, body, headers = {}) => callApi(atelier.url, method, path, body, headers);
  });
  afterAll(async () => {
    await atelier?.close();
  });

  it('a burst beyond the per-user limit: exactly the excess is refused, with Retry-After and RateLimit headers; another user is unaffected', async () => {
    const burst = await Promise.all(Array.from({ length: 8 }, () => ada.api('POST', '/v1/prompt/refine/', { prompt: 'a red fox in the snow' })));

    expect(statuses(burst)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    for (const reply of burst) expect(reply.headers.get('ratelimit-policy')).toBe('"costly";q=5;w=60');
    // Each accepted request saw one fewer left; every refused one, none.
    const remaining = burst.filter((reply) => reply.status === 200).map((reply) => /^"costly";r=(\d+);t=\d+$/.exec(reply.headers.get('ratelimit') ?? '')?.[1]);
    expect(remaining.sort()).toEqual(['0', '1', '2', '3', '4']);
    for (const refused of burst.filter((reply) => reply.status === 429)) {
      const retryAfter = expectRefusal(refused, 'rate_limited');
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get('ratelimit')).toMatch(/^"costly";r=0;t=\d+$/);
    }

    // The three costly routes share the user's count: posting a message is refused too.
    const session = (await ada.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    expectRefusal(await ada.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a cat', options: SMALL }), 'rate_limited');
    expectRefusal(await ada.api('POST', '/v1/image/generate/', { prompt: 'a cat', ...SMALL }), 'rate_limited');
    // Reading is not limited.
    expect((await ada.api('GET', '/api/v1/chat/sessions/')).status).toBe(200);

    const other = await bo.api('POST', '/v1/prompt/refine/', { prompt: 'a red fox in the snow' });
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit')).toMatch(/^"costly";r=4;t=\d+$/);
  });

  it('browsers may read the RateLimit headers', async () => {
    const origin = new URL(atelier.ctx.publicUrl).origin;
    const reply = await bo.api('POST', '/v1/prompt/refine/', { prompt: 'a lighthouse' }, { origin });
    expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
    const exposed = (reply.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
    expect(exposed).toEqual(expect.arrayContaining(['ratelimit-policy', 'ratelimit', 'retry-after']));
  });

  it('the auth routes are limited per address: a burst from one gets exactly the limit, another address is unaffected', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const burst = await Promise.all(
      Array.from({ length: 7 }, () => anonymous('POST', '/v1/auth/refresh/', { refresh_token: 'atr_not-a-token' }, from('203.0.113.10'))),
    );
    expect(count(burst, 429)).toBe(3);
    expect(count(burst, 401)).toBe(4);
    for (const reply of burst) expect(reply.headers.get('ratelimit-policy')).toBe('"auth";q=4;w=60');
    for (const refused of burst.filter((reply) => reply.status === 429)) expectRefusal(refused, 'rate_limited');

    // Every auth route counts, registration too; a made-up address before the proxy's changes nothing.
    const spoofed = await anonymous('POST', '/v1/auth/register/', { email: 'spoof@test.example', password: PASSWORD }, from('198.51.100.1, 203.0.113.10'));
    expectRefusal(spoofed, 'rate_limited');
    const elsewhere = await anonymous('POST', '/v1/auth/refresh/', { refresh_token: 'atr_not-a-token' }, from('203.0.113.11'));
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get('ratelimit')).toMatch(/^"auth";r=3;t=\d+$/);
  });

  it('failed sign-ins are limited per address a day, whatever the email', async () => {
    const from = { 'x-forwarded-for': '2001:db8:7:7::1' };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const reply = await anonymous('POST', '/v1/auth/login/', { email: `guess-${attempt}@test.example`, password: 'not it at all' }, from);
      expect(reply.status).toBe(401);
    }
    // Another address of the same /64 network is the same client.
    const blocked = await anonymous('POST', '/v1/auth/login/', { email: 'guess-new@test.example', password: 'not it at all' }, { 'x-forwarded-for': '2001:db8:7:7::2' });
    const retryAfter = expectRefusal(blocked, 'rate_limited');
    expect(retryAfter).toBeGreaterThan(60);
    const elsewhere = await anonymous('POST', '/v1/auth/login/', { email: 'guess-new@test.example', password: 'not it at all' }, { 'x-forwarded-for': '2001:db8:7:8::1' });
    expect(elsewhere.status).toBe(401);
  });

  it('the OpenAPI document declares the 429 and the RateLimit headers of the limited operations, and only of those', async () => {
    const paths = (await anonymous('GET', '/openapi.json')).body.paths as Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    const limited = [
      paths['/api/v1/chat/sessions/{id}/messages/']?.post,
      paths['/v1/image/generate/']?.post,
      paths['/v1/prompt/refine/']?.post,
      paths['/v1/auth/login/']?.post,
      paths['/v1/auth/register/']?.post,
    ];
    for (const operation of limited) {
      expect(operation?.responses['429']?.headers).toHaveProperty('Retry-After');
      for (const response of Object.values(operation?.responses ?? {})) expect(response.headers).toHaveProperty('RateLimit');
    }
    expect(paths['/api/v1/chat/sessions/']?.get?.responses['429']).toBeUndefined();
    expect(paths['/api/v1/chat/sessions/']?.get?.responses['200']?.headers).not.toHaveProperty('RateLimit');
  });
});

describe('the image quota', () => {
  let atelier: TestAtelier;

  beforeAll(async () => {
    atelier = await startTestAtelier({ USER_DAILY_QUOTA: '3' });
  });
  afterAll(async () => {
    await atelier?.close();
  });

  const quotaOf = async (user: TestUser) => {
    const me = await user.api('GET', '/v1/me/');
    expect(me.status).toBe(200);
    return me.body.quota as { daily: { limit: number; used: number; remaining: number; resets_at: string }; monthly: { used: number } };
  };

  it('a burst of posts beyond the daily quota: exactly the quota is accepted, the rest refused quota_exceeded; /v1/me shows it', async () => {
    const user = await atelier.signUp('burst');
    const socket = await user.connect();
    const events = recordMessageEvents(socket);
    const session = await sessionOf(user, socket);
    const posts = await Promise.all(
      Array.from({ length: 7 }, (_, index) => user.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: `a lighthouse number ${index}`, options: SMALL })),
    );

    expect(count(posts, 202)).toBe(3);
    expect(count(posts, 429)).toBe(4);
    for (const refused of posts.filter((reply) => reply.status === 429)) {
      const retryAfter = expectRefusal(refused, 'quota_exceeded');
      expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
      expect(refused.body.error.message).toMatch(/daily image quota \(3\)/);
    }
    // Nothing was stored for a refused post.
    expect((await user.api('GET', `/api/v1/chat/sessions/${session}/messages/`)).body.data).toHaveLength(3);
    for (const accepted of posts.filter((reply) => reply.status === 202)) {
      expect((await events.untilFinal(accepted.body.id)).at(-1)).toMatchObject({ status: 'DONE' });
    }

    const quota = await quotaOf(user);
    expect(quota.daily).toMatchObject({ limit: 3, used: 3, remaining: 0 });
    expect(quota.daily.resets_at).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(quota.monthly).toMatchObject({ limit: 1_000_000_000, resets_at: expect.stringMatching(/-01T00:00:00\.000Z$/) });
    // Another user's day is their own.
    expect((await quotaOf(await atelier.signUp('fresh'))).daily).toMatchObject({ used: 0, remaining: 3 });
  });

  it('a generation that fails gives its unit back, once', async () => {
    const user = await atelier.signUp('unlucky');
    const socket = await user.connect();
    const events = recordMessageEvents(socket);
    const session = await sessionOf(user, socket);

    const made = await user.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a mountain lake', options: SMALL });
    expect((await events.untilFinal(made.body.id)).at(-1)).toMatchObject({ status: 'DONE' });
    expect((await quotaOf(user)).daily).toMatchObject({ used: 1, remaining: 2 });

    // An edit with no earlier image in its session fails in the pipeline (no_source_image).
    const other = await sessionOf(user, socket);
    const failing = await user.api('POST', `/api/v1/chat/sessions/${other}/messages/`, { content: 'make it black and white', options: SMALL });
    expect(failing.status).toBe(202);
    expect((await events.untilFinal(failing.body.id)).at(-1)).toMatchObject({ status: 'FAILED', error: { code: 'no_source_image' } });
    expect((await quotaOf(user)).daily).toMatchObject({ used: 1, remaining: 2 });

    // An operator retries it and it fails again: the unit was given back already, not twice.
    const seen = Math.max(...events.all.filter((event) => event.id === failing.body.id).map((event) => event.sequence));
    const retried = await atelier.api('POST', `/internal/v1/dead-letters/${failing.body.id}/retry/`);
    expect(retried.status).toBe(202);
    expect((await events.untilFinal(failing.body.id, seen)).at(-1)).toMatchObject({ status: 'FAILED' });
    expect((await quotaOf(user)).daily).toMatchObject({ used: 1, remaining: 2 });
  });

  it('an idempotent replay is not charged again, and gets its answer even with no quota left', async () => {
    const user = await atelier.signUp('replayer');
    const socket = await user.connect();
    const events = recordMessageEvents(socket);
    const session = await sessionOf(user, socket);
    const post = (content: string, key: string) =>
      user.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, options: SMALL }, { 'idempotency-key': key });

    const [first, again] = [await post('a paper boat', 'boat'), await post('a paper boat', 'boat')];
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await quotaOf(user)).daily).toMatchObject({ used: 1 });

    const rest = [await post('a paper plane', 'plane'), await post('a paper crane', 'crane')];
    expect(rest.map((reply) => reply.status)).toEqual([202, 202]);
    expectRefusal(await post('a paper hat', 'hat'), 'quota_exceeded');
    const late = await post('a paper boat', 'boat');
    expect(late.status).toBe(202);
    expect(late.body.id).toBe(first.body.id);
    expect((await quotaOf(user)).daily).toMatchObject({ used: 3, remaining: 0 });
    for (const reply of [first, ...rest]) await events.untilFinal(reply.body.id);
  });

  it('a direct generation spends a unit; a request that makes no image gives it back', async () => {
    const user = await atelier.signUp('direct');
    expect((await user.api('POST', '/v1/image/generate/', { prompt: 'a cat', width: 1 })).status).toBe(400);
    expect((await quotaOf(user)).daily).toMatchObject({ used: 0 });

    const burst = await Promise.all(Array.from({ length: 5 }, () => user.api('POST', '/v1/image/generate/', { prompt: 'a cat on a roof', ...SMALL })));
    expect(count(burst, 201)).toBe(3);
    for (const refused of burst.filter((reply) => reply.status === 429)) expectRefusal(refused, 'quota_exceeded');
    expect((await quotaOf(user)).daily).toMatchObject({ used: 3, remaining: 0 });
  });
});

describe('an organisation\'s quota, and sign-ins', () => {
  let atelier: TestAtelier;
  let anonymous: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

  beforeAll(async () => {
    // Every account of this instance joins its organisation: its month is shared.
    atelier = await startTestAtelier({ USER_DAILY_QUOTA: '2', ORG_MONTHLY_QUOTA: '3', LOGIN_MAX_FAILURES: '3' });
    anonymous = (method, path, body, headers = {}) => callApi(atelier.url, method, path, body, headers);
  });
  afterAll(async () => {
    await atelier?.close();
  });

  const generate = (user: TestUser) => user.api('POST', '/v1/image/generate/', { prompt: 'a small boat', ...SMALL });

  it('the organisation\'s month holds across its users; a user\'s own quota overrides the default', async () => {
    const [first, second] = [await atelier.signUp('first'), await atelier.signUp('second')];
    const db = atelier.ctx.postgres.db;
    await db.update(users).set({ dailyQuota: 5 }).where(eq(users.id, first.user.id));

    const firsts = await Promise.all([generate(first), generate(first), generate(first)]);
    expect(statuses(firsts)).toEqual([201, 201, 201]);
    const refused = await generate(second);
    expectRefusal(refused, 'quota_exceeded');
    expect(refused.body.error.message).toMatch(/organisation's monthly image quota \(3\)/);
    expect((await second.api('GET', '/v1/me/')).body.quota).toMatchObject({
      daily: { limit: 2, used: 0, remaining: 2 },
      monthly: { limit: 3, used: 3, remaining: 0 },
    });

    // The organisation's own quota, raised by its admin, holds within seconds (limits are reused
    // for a few seconds: limits/quota-limits.ts), on /v1/me and on the next generation alike.
    await db.update(organisations).set({ monthlyQuota: 4 }).where(eq(organisations.id, first.user.org_id));
    await expect.poll(async () => (await second.api('GET', '/v1/me/')).body.quota.monthly.limit, { timeout: 15_000 }).toBe(4);
    expect((await generate(second)).status).toBe(201);
    expect((await first.api('GET', '/v1/me/')).body.quota).toMatchObject({
      daily: { limit: 5, used: 3, remaining: 2 },
      monthly: { limit: 4, used: 4, remaining: 0 },
    });
  });

  const logIn = (email: string, password: string, headers: Record<string, string> = {}) => anonymous('POST', '/v1/auth/login/', { email, password }, headers);

  it('repeated failed sign-ins are slowed: past the limit even the right password waits; another account is not affected', async () => {
    const [victim, bystander] = [await atelier.signUp('victim'), await atelier.signUp('bystander')];
    const guesses = await Promise.all(Array.from({ length: 5 }, (_, index) => logIn(victim.user.email, `wrong password ${index}`)));
    // Counted before the password is checked: a concurrent burst gets no more tries than the limit.
    expect(statuses(guesses)).toEqual([401, 401, 401, 429, 429]);
    for (const reply of guesses.filter((guess) => guess.status === 401)) expect(reply.body.error.code).toBe('unauthenticated');

    const blocked = await logIn(victim.user.email.toUpperCase(), PASSWORD);
    expect(expectRefusal(blocked, 'rate_limited')).toBeGreaterThan(60);
    // X-Forwarded-For is a client's word without TRUST_PROXY: it does not make another address.
    expectRefusal(await logIn(victim.user.email, PASSWORD, { 'x-forwarded-for': '192.0.2.44' }), 'rate_limited');
    expect((await logIn(bystander.user.email, PASSWORD)).status).toBe(200);
  });

  it('an unknown email\'s failed sign-ins are counted like a known one\'s, so the answers still do not tell them apart', async () => {
    const replies: ApiResponse[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) replies.push(await logIn('nobody-at-all@test.example', 'not the password'));
    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 429]);
  });

  it('a successful sign-in forgets the failures before it', async () => {
    const user = await atelier.signUp('forgetful');
    for (const password of ['wrong one', 'wrong two', PASSWORD, 'wrong three', 'wrong four', 'wrong five']) {
      expect((await logIn(user.user.email, password)).status).toBe(password === PASSWORD ? 200 : 401);
    }
    expectRefusal(await logIn(user.user.email, PASSWORD), 'rate_limited');
  });
});

describe('Redis away', () => {
  let proxy: TcpProxy;
  let atelier: TestAtelier;

  beforeAll(async () => {
    const redis = new URL(testRedisUrl());
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    atelier = await startTestAtelier({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, RATE_LIMIT_PER_MINUTE: '3', LOGIN_MAX_FAILURES: '2' });
  });
  afterAll(async () => {
    await proxy?.restore();
    await atelier?.close();
    await proxy?.close();
  });

  it('the limits are counted in memory meanwhile: nothing fails because of them; posting, which needs Redis, is a 503', async () => {
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    await proxy.cut();

    // The quota cannot be counted (nor the message queued): refused, nothing charged or stored.
    const post = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a quiet harbour', options: SMALL });
    expect(post.status).toBe(503);
    expect(post.headers.get('ratelimit')).toMatch(/^"costly";r=2;t=\d+$/);

    const refines = await Promise.all(Array.from({ length: 4 }, () => atelier.api('POST', '/v1/prompt/refine/', { prompt: 'a quiet harbour' })));
    expect(statuses(refines)).toEqual([200, 200, 429, 429]);

    const guesses: ApiResponse[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) guesses.push(await callApi(atelier.url, 'POST', '/v1/auth/login/', { email: atelier.user.email, password: 'wrong' }));
    expect(guesses.map((reply) => reply.status)).toEqual([401, 401, 429]);

    const me = await atelier.api('GET', '/v1/me/');
    expect(me.status).toBe(200);
    expect(me.body.quota).toBeNull();

    // Back: counted in Redis again, where nothing was counted meanwhile.
    await proxy.restore();
    await expect
      .poll(async () => (await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'a quiet harbour', options: SMALL })).status, {
        timeout: 10_000,
      })
      .toBe(202);
    expect((await atelier.api('GET', '/v1/me/')).body.quota.daily).toMatchObject({ used: 1 });
  });
});
