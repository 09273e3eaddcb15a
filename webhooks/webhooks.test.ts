import { webcrypto } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier, type TestUser } from '../gateway/test-harness.js';
import { newId } from '../shared/ids.js';
import { attemptDelivery } from './deliver.js';
import { webhookEndpoints } from './schema/index.js';

/**
 * Webhooks end to end: endpoints registered through the API, events raised by the pipeline and
 * the gallery, deliveries sent by the worker to a receiver on this machine, and every signature
 * checked with a verifier written here from the Standard Webhooks specification (WebCrypto, not
 * the code that signs).
 */

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: each path answers the statuses given for it in turn (then its last one, or 200). */
function startReceiver(script: Record<string, number[]> = {}) {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const answered = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const statuses = script[path] ?? [200];
      const index = answered.get(path) ?? 0;
      answered.set(path, index + 1);
      response.statusCode = statuses[Math.min(index, statuses.length - 1)] ?? 200;
      response.end('ok');
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const wake of waiters.splice(0)) wake();
    });
  });
  const listening = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  return {
    url: listening,
    received,
    /** The requests on `path`, once there are `count` of them. */
    async requests(path: string, count: number): Promise<Received[]> {
      for (;;) {
        const matching = received.filter((request) => request.path === path);
        if (matching.length >= count) return matching;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Standard Webhooks verification, from the specification: the key is the base64 after `whsec_`;
 * the signed content is `{webhook-id}.{webhook-timestamp}.{raw body}`; `webhook-signature` is a
 * space-separated list of `v1,{base64 HMAC-SHA256}`, one match is enough; the timestamp must be
 * within 5 minutes of now.
 */
async function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, body: string): Promise<boolean> {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  if (!secret.startsWith('whsec_')) return false;
  const key = await webcrypto.subtle.importKey('raw', Buffer.from(secret.slice('whsec_'.length), 'base64'), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const content = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) continue;
    if (await webcrypto.subtle.verify('HMAC', key, Buffer.from(signature, 'base64'), content)) return true;
  }
  return false;
}

let atelier: TestAtelier;
let receiver: ReturnType<typeof startReceiver>;
let receiverUrl: string;

beforeAll(async () => {
  receiver = startReceiver({ '/flaky': [500, 500, 200], '/gone': [410] });
  receiverUrl = await receiver.url;
  atelier = await startTestAtelier({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_BACKOFF_MS: '20' });
});

afterAll(async () => {
  await atelier?.close();
  await receiver?.close();
});

async function register(user: TestUser, path: string, events: string[]): Promise<{ id: string; secret: string }> {
  const reply = await user.api('POST', '/v1/webhooks/', { url: `${receiverUrl}${path}`, events });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  expect(reply.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
  expect(Buffer.from((reply.body.secret as string).slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
  return reply.body as { id: string; secret: string };
}

async function postMessage(user: TestUser, content: string): Promise<string> {
  const session = (await user.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
  const posted = await user.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, options: { width: 64, height: 64 } });
  expect(posted.status).toBe(202);
  return posted.body.id as string;
}

describe('webhook deliveries', () => {
  it('sends a correctly signed message.completed for a message posted through the API', async () => {
    const user = await atelier.signUp('signed');
    const endpoint = await register(user, '/signed', ['message.completed']);
    const messageId = await postMessage(user, 'a lighthouse at dusk');
    const [delivery] = await receiver.requests('/signed', 1);
    if (!delivery) throw new Error('no delivery');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['webhook-id']).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(await verifyStandardWebhook(endpoint.secret, delivery.headers, delivery.body)).toBe(true);
    // A body changed by one byte, or another secret, does not verify.
    expect(await verifyStandardWebhook(endpoint.secret, delivery.headers, `${delivery.body} `)).toBe(false);
    const body = JSON.parse(delivery.body) as { type: string; timestamp: string; data: { id: string; status: string; image: { id: string } } };
    expect(body.type).toBe('message.completed');
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    expect(body.data).toMatchObject({ id: messageId, status: 'DONE', image: { id: expect.any(String) } });
    // The same shape as the poll.
    const polled = await user.api('GET', `/api/v1/chat/sessions/${(body.data as unknown as { session_id: string }).session_id}/messages/${messageId}/`);
    expect(Object.keys(body.data).sort()).toEqual(Object.keys(polled.body).sort());
  });

  it('sends message.failed, with the error, for a message that fails', async () => {
    const user = await atelier.signUp('failing');
    const endpoint = await register(user, '/failed', ['message.failed']);
    // An enhance in a session with no image fails for good (no_source_image).
    const messageId = await postMessage(user, 'enhance it');
    const [delivery] = await receiver.requests('/failed', 1);
    if (!delivery) throw new Error('no delivery');
    expect(await verifyStandardWebhook(endpoint.secret, delivery.headers, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'message.failed', data: { id: messageId, status: 'FAILED', error: { code: 'no_source_image' } } });
  });

  it('retries with backoff: a receiver failing twice gets it on the third attempt, and the log shows all three', async () => {
    const user = await atelier.signUp('flaky');
    const endpoint = await register(user, '/flaky', ['message.completed', 'message.failed']);
    await postMessage(user, 'a red kite over the sea');
    const attempts = await receiver.requests('/flaky', 3);
    expect(new Set(attempts.map((attempt) => attempt.headers['webhook-id'])).size).toBe(1);
    for (const attempt of attempts) expect(await verifyStandardWebhook(endpoint.secret, attempt.headers, attempt.body)).toBe(true);
    // The third attempt's row is written once its answer is in: wait for it.
    let log: Array<{ attempt: number; status_code: number | null; event_id: string; event_type: string; duration_ms: number }> = [];
    const deadline = Date.now() + 10_000;
    while (log.length < 3 && Date.now() < deadline) {
      log = (await user.api('GET', `/v1/webhooks/${endpoint.id}/deliveries/`)).body.data;
      if (log.length < 3) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(log.map((row) => [row.attempt, row.status_code])).toEqual([
      [3, 200],
      [2, 500],
      [1, 500],
    ]);
    expect(new Set(log.map((row) => row.event_id))).toEqual(new Set([attempts[0]?.headers['webhook-id']]));
    expect(log.every((row) => row.event_type === 'message.completed')).toBe(true);
    // Cursor paged, newest first.
    const first = (await user.api('GET', `/v1/webhooks/${endpoint.id}/deliveries/?limit=2`)).body;
    expect(first.data.map((row: { attempt: number }) => row.attempt)).toEqual([3, 2]);
    const second = (await user.api('GET', `/v1/webhooks/${endpoint.id}/deliveries/?limit=2&cursor=${encodeURIComponent(first.next_cursor)}`)).body;
    expect(second).toMatchObject({ data: [{ attempt: 1 }], next_cursor: null });
  });

  it('signs with the new secret once it is rotated, never with the old one', async () => {
    const user = await atelier.signUp('rotate');
    const endpoint = await register(user, '/rotated', ['gallery.image.created']);
    const rotated = await user.api('POST', `/v1/webhooks/${endpoint.id}/rotate-secret/`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: endpoint.id, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    // Secrets are never listed.
    const listed = (await user.api('GET', '/v1/webhooks/')).body.items;
    expect(listed).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    const image = { url: 'https://images.example/kite.png', prompt: 'a kite', width: 64, height: 64, format: 'png' };
    const imageId = (await user.api('POST', '/v1/gallery/', image)).body.id;
    const [delivery] = await receiver.requests('/rotated', 1);
    if (!delivery) throw new Error('no delivery');
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'gallery.image.created', data: { id: imageId } });
    expect(await verifyStandardWebhook(rotated.body.secret, delivery.headers, delivery.body)).toBe(true);
    expect(await verifyStandardWebhook(endpoint.secret, delivery.headers, delivery.body)).toBe(false);
  });

  it('sends gallery.image.deleted when an image is moved to the trash', async () => {
    const user = await atelier.signUp('trash');
    const endpoint = await register(user, '/trash', ['gallery.image.deleted']);
    const image = { url: 'https://images.example/old.png', prompt: 'an old photo', width: 64, height: 64, format: 'png' };
    const imageId = (await user.api('POST', '/v1/gallery/', image)).body.id;
    expect((await user.api('DELETE', `/v1/gallery/${imageId}/`)).status).toBe(200);
    const [delivery] = await receiver.requests('/trash', 1);
    if (!delivery) throw new Error('no delivery');
    expect(await verifyStandardWebhook(endpoint.secret, delivery.headers, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'gallery.image.deleted', data: { id: imageId, permanent: false, deleted_at: expect.any(String) } });
    // Only the subscribed type: the creation before it was not sent.
    expect(receiver.received.filter((request) => request.path === '/trash')).toHaveLength(1);
  });

  it('sends gallery.image.deleted, permanent, for each image the trash purge deletes (here: emptying the trash)', async () => {
    const user = await atelier.signUp('purged');
    const image = { url: 'https://images.example/gone.png', prompt: 'soon gone', width: 64, height: 64, format: 'png' };
    const imageId = (await user.api('POST', '/v1/gallery/', image)).body.id;
    expect((await user.api('DELETE', `/v1/gallery/${imageId}/`)).status).toBe(200);
    await register(user, '/purged', ['gallery.image.deleted']);
    expect((await user.api('DELETE', '/v1/gallery/deleted/')).body).toEqual({ deleted: 1 });
    const [delivery] = await receiver.requests('/purged', 1);
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'gallery.image.deleted', data: { id: imageId, permanent: true } });
  });

  it('disables an endpoint whose receiver answers 410 Gone', async () => {
    const user = await atelier.signUp('gone');
    const endpoint = await register(user, '/gone', ['gallery.image.created']);
    await user.api('POST', '/v1/gallery/', { url: 'https://images.example/a.png', prompt: 'a', width: 8, height: 8, format: 'png' });
    await receiver.requests('/gone', 1);
    let listed: Array<{ id: string; disabled_at: string | null }> = [];
    const deadline = Date.now() + 10_000;
    while (!listed[0]?.disabled_at && Date.now() < deadline) {
      listed = (await user.api('GET', '/v1/webhooks/')).body.items;
      if (!listed[0]?.disabled_at) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(listed).toEqual([expect.objectContaining({ id: endpoint.id, disabled_at: expect.any(String) })]);
  });

  it("answers 404 to another user's endpoint ids, as to ids that do not exist", async () => {
    const alice = await atelier.signUp('alice');
    const bob = await atelier.signUp('bob');
    const endpoint = await register(alice, '/alice', ['message.completed']);
    for (const id of [endpoint.id, newId()]) {
      expect((await bob.api('DELETE', `/v1/webhooks/${id}/`)).status).toBe(404);
      expect((await bob.api('POST', `/v1/webhooks/${id}/rotate-secret/`)).status).toBe(404);
      expect((await bob.api('GET', `/v1/webhooks/${id}/deliveries/`)).status).toBe(404);
    }
    expect((await bob.api('GET', '/v1/webhooks/')).body.items).toEqual([]);
    expect((await alice.api('GET', '/v1/webhooks/')).body.items).toEqual([expect.objectContaining({ id: endpoint.id })]);
    expect((await alice.api('DELETE', `/v1/webhooks/${endpoint.id}/`)).status).toBe(204);
    expect((await alice.api('GET', `/v1/webhooks/${endpoint.id}/deliveries/`)).status).toBe(404);
  });

  it('refuses bad input with a 400 naming it', async () => {
    for (const body of [
      { url: 'ftp://files.example/hook', events: ['message.completed'] },
      { url: 'not a url', events: ['message.completed'] },
      { url: `${receiverUrl}/x`, events: [] },
      { url: `${receiverUrl}/x`, events: ['message.exploded'] },
    ]) {
      const reply = await atelier.api('POST', '/v1/webhooks/', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('validation_failed');
    }
  });

  it('checks the address again at delivery time: a private one gets no request, and the attempt says why', async () => {
    // As if the name had resolved to a public address at registration and to this one now.
    const id = newId();
    await atelier.ctx.postgres.db.insert(webhookEndpoints).values({ id, userId: atelier.user.id, url: `${receiverUrl}/private`, events: ['message.completed'], secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    const job = { eventId: 'evt_private', endpointId: id, type: 'message.completed' as const, occurredAt: new Date().toISOString(), data: {} };
    const result = await attemptDelivery({ ctx: { ...atelier.ctx.webhooks, allowPrivate: false }, input: { job, attempt: 1 } });
    expect(result).toMatchObject({ outcome: 'retry', error: expect.stringMatching(/127\.0\.0\.1 is a private, loopback/) });
    expect(receiver.received.filter((request) => request.path === '/private')).toEqual([]);
    // A name is checked inside the connection's own lookup: what is checked is what is connected to.
    await atelier.ctx.postgres.db.update(webhookEndpoints).set({ url: `${receiverUrl.replace('127.0.0.1', 'localhost')}/private` }).where(eq(webhookEndpoints.id, id));
    const named = await attemptDelivery({ ctx: { ...atelier.ctx.webhooks, allowPrivate: false }, input: { job, attempt: 2 } });
    expect(named).toMatchObject({ outcome: 'retry', error: expect.stringMatching(/"localhost" resolves to/) });
    expect(receiver.received.filter((request) => request.path === '/private')).toEqual([]);
    const log = (await atelier.api('GET', `/v1/webhooks/${id}/deliveries/`)).body.data;
    expect(log).toEqual([
      expect.objectContaining({ attempt: 2, status_code: null, error: expect.stringMatching(/non-public/) }),
      expect.objectContaining({ attempt: 1, status_code: null, error: expect.stringMatching(/non-public/) }),
    ]);
    // With the setting (as this instance runs), the same endpoint is reached.
    expect(await attemptDelivery({ ctx: atelier.ctx.webhooks, input: { job, attempt: 3 } })).toEqual({ outcome: 'delivered' });
  });
});

