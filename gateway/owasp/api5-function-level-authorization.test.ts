import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageJobId, STAGES } from '../../shared/queues.js';
import { PROVIDER_AUDIENCE, PROVIDER_ISSUER, startFakeIdentityProvider, type FakeIdentityProvider } from '../../shared/testing/fakes/identity-provider.js';
import { callApi, connectSocket, recordMessageEvents, startTestAtelier, type ApiResponse, type MessageEvent, type TestAtelier } from '../test-harness.js';

/**
 * OWASP API5:2023 Broken Function Level Authorization. The admin routes (`/v1/org/…`, the
 * invitations, `/internal/…`) answer 403 to anyone without the admin role, however they come in
 * (access token, API key, identity provider token); and an admin is an admin of their own
 * organisation only: another organisation's members, keys, dead letters, queue and usage are
 * 404 or absent, both ways. Organisation A is the instance's (built-in accounts); organisation B
 * comes from an identity provider's tokens (its `org_id` claim).
 */

type Api = (method: string, path: string, body?: unknown) => Promise<ApiResponse>;

interface Member {
  id: string;
  token: string;
  api: Api;
  /** The `message.updated` events this member's socket received. */
  events: ReturnType<typeof recordMessageEvents>;
  socket: Socket;
}

let atelier: TestAtelier;
let provider: FakeIdentityProvider;
const sockets: Socket[] = [];

// Organisation A: the instance's first account (its admin) and a user; organisation B: from the provider.
let adminA: Member;
let userA: Member;
let adminB: Member;
let userB: Member;

const newUuid = () => crypto.randomUUID();

async function member(token: string): Promise<Member> {
  const api: Api = (method, path, body) => callApi(atelier.url, method, path, body, { authorization: `Bearer ${token}` });
  const me = await api('GET', '/v1/me/');
  expect(me.status).toBe(200);
  const socket = await connectSocket(atelier.url, token);
  sockets.push(socket);
  return { id: me.body.user.id as string, token, api, events: recordMessageEvents(socket), socket };
}

async function providerMember(subject: string, role: 'admin' | 'user'): Promise<Member> {
  return member(await provider.mint({ sub: subject, org_id: 'org-b', role }, { expiresIn: '1h' }));
}

/** Post a message in a new session of the member's; the message as the 202 gave it. */
async function post(who: Member, content: string, api: Api = who.api): Promise<MessageEvent & { session_id: string; lane: string }> {
  const session = await api('POST', '/api/v1/chat/sessions/', {});
  expect(session.status).toBe(201);
  expect(await who.socket.emitWithAck('subscribe', { session_id: session.body.id })).toMatchObject({ ok: true });
  const posted = await api('POST', `/api/v1/chat/sessions/${session.body.id}/messages/`, { content, options: { width: 64, height: 64 } });
  expect(posted.status).toBe(202);
  return posted.body;
}

/** The message's final event (after `afterSequence`: a retried message's earlier end does not count). */
async function finished(who: Member, messageId: string, afterSequence = 0): Promise<MessageEvent> {
  return (await who.events.untilFinal(messageId, afterSequence)).at(-1) as MessageEvent;
}

const ids = (reply: ApiResponse, field = 'id') => (reply.body.data as Array<Record<string, string>>).map((row) => row[field]);

beforeAll(async () => {
  provider = await startFakeIdentityProvider();
  atelier = await startTestAtelier({
    AUTH_JWKS_URL: provider.jwksUrl,
    AUTH_ISSUER: PROVIDER_ISSUER,
    AUTH_AUDIENCE: PROVIDER_AUDIENCE,
    // An hour's lead: a high-lane message of this test always goes ahead of a normal one posted before it.
    LANE_HIGH_LEAD_S: '3600',
  });
  adminA = await member(atelier.token);
  userA = await member((await atelier.signUp('member-a')).token);
  adminB = await providerMember('b-admin', 'admin');
  userB = await providerMember('b-user', 'user');
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await atelier?.close();
  await provider?.close();
});

describe('a user calling admin routes', () => {
  /** Every operation the API document has under the admin prefixes, with made-up ids and a plausible body. */
  async function adminOperations(): Promise<Array<{ method: string; path: string; body?: unknown }>> {
    const document = (await callApi(atelier.url, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(document.paths)
      .filter(([path]) => /^\/(internal\/|v1\/org\/|v1\/invitations\/?$)/.test(path))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{[^}]+\}/g, newUuid()).replace(/\/$/, ''),
          ...(method === 'patch' ? { body: { priority: 'high', role: 'admin', daily_quota: 1000 } } : method === 'post' ? { body: {} } : {}),
        })),
      );
  }

  it('is 403 forbidden on every one, with an access token, an API key or a provider token', async () => {
    const operations = await adminOperations();
    expect(operations.map((op) => `${op.method} ${op.path.replace(/[0-9a-f-]{36}/g, '{id}')}`).sort()).toEqual(
      expect.arrayContaining([
        'GET /internal/v1/dead-letters',
        'GET /internal/v1/queue',
        'GET /v1/org/api-keys',
        'GET /v1/org/members',
        'GET /v1/org/usage',
        'PATCH /v1/org/api-keys/{id}',
        'PATCH /v1/org/members/{id}',
        'POST /internal/v1/dead-letters/{id}/retry',
        'POST /v1/invitations',
      ]),
    );
    const key = (await userA.api('POST', '/v1/api-keys/', { name: 'user key' })).body.key as string;
    // An admin's key made with the user role has no more right than a user.
    const adminsUserKey = (await adminA.api('POST', '/v1/api-keys/', { name: 'low key', role: 'user' })).body.key as string;
    for (const token of [userA.token, key, adminsUserKey, userB.token]) {
      for (const { method, path, body } of operations) {
        for (const variant of [path, `${path}/`]) {
          const reply = await callApi(atelier.url, method, variant, body, { authorization: `Bearer ${token}` });
          expect({ method, variant, status: reply.status, code: reply.body?.error?.code }).toEqual({
            method,
            variant,
            status: 403,
            code: 'forbidden',
          });
        }
      }
    }
  });

  it('changes nothing: the user is still a user in the normal lane', async () => {
    await userA.api('PATCH', `/v1/org/members/${userA.id}`, { role: 'admin', priority: 'high' });
    const me = await userA.api('GET', '/v1/me/');
    expect(me.body.user).toMatchObject({ role: 'user', priority: 'normal' });
  });
});

describe('an admin of one organisation', () => {
  it("lists only its own organisation's members; the other's are 404", async () => {
    const membersA = await adminA.api('GET', '/v1/org/members/');
    expect(membersA.status).toBe(200);
    expect(ids(membersA)).toEqual(expect.arrayContaining([adminA.id, userA.id]));
    expect(ids(membersA)).not.toContain(adminB.id);
    expect(ids(membersA)).not.toContain(userB.id);
    expect(membersA.body.data.find((row: { id: string }) => row.id === userA.id)).toMatchObject({
      role: 'user',
      priority: 'normal',
      daily_quota: null,
      from_identity_provider: false,
    });

    const membersB = await adminB.api('GET', '/v1/org/members/');
    expect(ids(membersB).sort()).toEqual([adminB.id, userB.id].sort());

    for (const [admin, stranger] of [
      [adminA, userB],
      [adminB, userA],
    ] as const) {
      const reply = await admin.api('PATCH', `/v1/org/members/${stranger.id}`, { priority: 'high' });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
    expect((await userB.api('GET', '/v1/me/')).body.user.priority).toBe('normal');
  });

  it("lists and changes only its own organisation's API keys; the other's are 404", async () => {
    const keyA = (await userA.api('POST', '/v1/api-keys/', { name: 'a key' })).body.id as string;
    const keyB = (await userB.api('POST', '/v1/api-keys/', { name: 'b key' })).body.id as string;
    const listA = await adminA.api('GET', '/v1/org/api-keys/');
    expect(listA.status).toBe(200);
    expect(ids(listA)).toContain(keyA);
    expect(ids(listA)).not.toContain(keyB);
    expect(ids(await adminB.api('GET', '/v1/org/api-keys/'))).toEqual([keyB]);

    expect((await adminA.api('PATCH', `/v1/org/api-keys/${keyB}`, { priority: 'high' })).status).toBe(404);
    expect((await adminB.api('PATCH', `/v1/org/api-keys/${keyA}`, { priority: 'high' })).status).toBe(404);
    expect((await adminB.api('GET', '/v1/org/api-keys/')).body.data[0]).toMatchObject({ id: keyB, priority: null });
    const changed = await adminB.api('PATCH', `/v1/org/api-keys/${keyB}/`, { priority: 'high' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: keyB, user_id: userB.id, priority: 'high' });
  });

  it("sees its own organisation's dead letters only, and cannot retry the other's", async () => {
    // An edit with no earlier image fails for good: a dead letter of each organisation.
    const failedA = await post(userA, 'make it black and white');
    const failedB = await post(userB, 'make it black and white');
    expect(await finished(userA, failedA.id)).toMatchObject({ status: 'FAILED' });
    expect(await finished(userB, failedB.id)).toMatchObject({ status: 'FAILED' });

    const lettersA = await adminA.api('GET', '/internal/v1/dead-letters/?limit=100');
    expect(ids(lettersA, 'message_id')).toContain(failedA.id);
    expect(ids(lettersA, 'message_id')).not.toContain(failedB.id);
    const lettersB = await adminB.api('GET', '/internal/v1/dead-letters/?limit=100');
    expect(ids(lettersB, 'message_id')).toEqual([failedB.id]);
    expect(lettersB.body.data[0]).toMatchObject({ user_id: userB.id, lane: 'normal' });

    const stolen = await adminA.api('POST', `/internal/v1/dead-letters/${failedB.id}/retry/`);
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('not_found');
    expect((await adminB.api('POST', `/internal/v1/dead-letters/${failedA.id}/retry/`)).status).toBe(404);
    const own = await adminB.api('POST', `/internal/v1/dead-letters/${failedB.id}/retry/`);
    expect(own.status).toBe(202);
    expect(own.body).toMatchObject({ id: failedB.id, status: 'PENDING', lane: 'normal' });
    expect(await finished(userB, failedB.id, own.body.sequence)).toMatchObject({ status: 'FAILED' });
  });

  it("sees its own organisation's queue only, with each message's lane", async () => {
    const highKey = (await userA.api('POST', '/v1/api-keys/', { name: 'fast lane' })).body;
    expect((await adminA.api('PATCH', `/v1/org/api-keys/${highKey.id}`, { priority: 'high' })).status).toBe(200);
    const withKey: Api = (method, path, body) => callApi(atelier.url, method, path, body, { authorization: `Bearer ${highKey.key}` });

    // Held in the queue while the test looks at it.
    await atelier.ctx.queues.prompt.pause();
    let posted: Array<{ who: Member; id: string }> = [];
    try {
      const normalA = await post(userA, 'a lighthouse at dusk');
      const highA = await post(userA, 'a lighthouse at dawn', withKey);
      const normalB = await post(userB, 'a harbour at night');
      posted = [
        { who: userA, id: normalA.id },
        { who: userA, id: highA.id },
        { who: userB, id: normalB.id },
      ];
      expect([normalA.lane, highA.lane, normalB.lane]).toEqual(['normal', 'high', 'normal']);

      const queueA = await adminA.api('GET', '/internal/v1/queue/?limit=100');
      expect(queueA.status).toBe(200);
      const mineA = (queueA.body.data as Array<{ message_id: string; lane: string; user_id: string; status: string }>).filter((row) =>
        [normalA.id, highA.id, normalB.id].includes(row.message_id),
      );
      expect(mineA).toEqual([
        expect.objectContaining({ message_id: normalA.id, user_id: userA.id, lane: 'normal', status: 'PENDING', stage: 'queued' }),
        expect.objectContaining({ message_id: highA.id, user_id: userA.id, lane: 'high', status: 'PENDING', stage: 'queued' }),
      ]);
      const queueB = await adminB.api('GET', '/internal/v1/queue/');
      expect(ids(queueB, 'message_id')).toEqual([normalB.id]);
    } finally {
      await atelier.ctx.queues.prompt.resume();
    }
    for (const { who, id } of posted) expect((await finished(who, id)).status).toBe('DONE');
  });

  it("counts its own organisation's images only", async () => {
    const madeB = await post(userB, 'a red apple on a table');
    expect(await finished(userB, madeB.id)).toMatchObject({ status: 'DONE' });
    const madeA = await post(userA, 'a green pear on a table');
    expect(await finished(userA, madeA.id)).toMatchObject({ status: 'DONE' });

    const usageA = await adminA.api('GET', '/v1/org/usage/');
    expect(usageA.status).toBe(200);
    const countedA = (usageA.body.members as Array<{ user_id: string }>).map((row) => row.user_id);
    expect(countedA).toContain(userA.id);
    expect(countedA).not.toContain(userB.id);
    const usageB = (await adminB.api('GET', '/v1/org/usage/')).body;
    expect(usageB.members).toEqual([{ user_id: userB.id, today: usageB.today, this_month: usageB.this_month }]);
    expect(usageB.today).toBeGreaterThanOrEqual(1);
    expect(usageB.this_month).toBeGreaterThanOrEqual(usageB.today);
  });

  it("keeps the organisation's last admin: demoting them is 409, demoting one of two is not", async () => {
    const last = await adminA.api('PATCH', `/v1/org/members/${adminA.id}`, { role: 'user' });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('conflict');
    const helper = await member((await atelier.signUp('helper')).token);
    expect((await adminA.api('PATCH', `/v1/org/members/${helper.id}`, { role: 'admin' })).body).toMatchObject({ role: 'admin' });
    expect((await adminA.api('PATCH', `/v1/org/members/${helper.id}`, { role: 'user' })).body).toMatchObject({ role: 'user' });
    expect((await adminA.api('PATCH', `/v1/org/members/${adminA.id}`, { role: 'user' })).status).toBe(409);
    // A provider user's role is the provider's to give.
    expect((await adminB.api('PATCH', `/v1/org/members/${userB.id}`, { role: 'admin' })).status).toBe(409);
  });

  it('refuses a change with nothing in it, or a value out of range', async () => {
    for (const body of [{}, { priority: 'urgent' }, { daily_quota: -1 }, { role: 'owner' }]) {
      const reply = await adminA.api('PATCH', `/v1/org/members/${userA.id}`, body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
  });
});

describe('priority lanes', () => {
  it("an admin marks a user high priority: the user's new messages run in the high lane, in every stage", async () => {
    const before = await post(userA, 'a quiet meadow');
    expect(before.lane).toBe('normal');

    const marked = await adminA.api('PATCH', `/v1/org/members/${userA.id}/`, { priority: 'high', daily_quota: 500 });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: userA.id, priority: 'high', daily_quota: 500 });

    // An access token carries its lane until it is refreshed; signing in again gives the new one.
    const login = await callApi(atelier.url, 'POST', '/v1/auth/login/', {
      email: (await userA.api('GET', '/v1/me/')).body.user.email,
      password: 'correct horse battery staple',
    });
    expect(login.status).toBe(200);
    const fresh = await member(login.body.access_token as string);
    expect((await fresh.api('GET', '/v1/me/')).body.priority).toBe('high');

    const after = await post(fresh, 'a stormy meadow');
    expect(after.lane).toBe('high');
    const done = await finished(fresh, after.id);
    expect(done).toMatchObject({ status: 'DONE', lane: 'high' });
    expect((await fresh.api('GET', `/api/v1/chat/sessions/${after.session_id}/messages/${after.id}/`)).body.lane).toBe('high');
    expect((await finished(userA, before.id)).lane).toBe('normal');

    // Each stage's job of the high message went ahead of the normal one posted before it.
    for (const stage of STAGES) {
      const [normalJob, highJob] = await Promise.all([
        atelier.ctx.queues[stage].getJob(stageJobId(before.id, stage)),
        atelier.ctx.queues[stage].getJob(stageJobId(after.id, stage)),
      ]);
      expect(highJob?.priority).toBeGreaterThan(0);
      expect(highJob?.priority).toBeLessThan(normalJob?.priority ?? 0);
    }
  });
});
