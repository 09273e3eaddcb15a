import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier } from '../test-harness.js';

/**
 * OWASP API7:2023 Server Side Request Forgery. A client hands Atelier a URL in two places. An
 * external gallery record (`POST /v1/gallery/ {url}`): Atelier keeps and returns it, and never
 * fetches it, so a URL naming an internal address (here a server on loopback standing for one)
 * cannot make Atelier reach it. A webhook endpoint (`POST /v1/webhooks {url}`), which Atelier does
 * send requests to: one whose host is (or resolves to) a non-public address is refused, unless the
 * operator allows them (WEBHOOK_ALLOW_PRIVATE; the check at each delivery is in webhooks/webhooks.test.ts).
 */

let atelier: TestAtelier;
let internal: Server;
let internalUrl: string;
const reached: string[] = [];

beforeAll(async () => {
  internal = createServer((request, response) => {
    reached.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  atelier = await startTestAtelier();
});
afterAll(async () => {
  await atelier?.close();
  await new Promise<void>((resolve) => internal.close(() => resolve()));
});

describe('a URL given by a client', () => {
  it('is kept and handed back, and never fetched, whatever it names', async () => {
    const targets = [`${internalUrl}/secret.png`, 'http://169.254.169.254/latest/meta-data/iam', 'http://localhost:6379/'];
    const ids: string[] = [];
    for (const url of targets) {
      const reply = await atelier.api('POST', '/v1/gallery/', { url, prompt: 'p', width: 8, height: 8, format: 'png' });
      expect(reply.status).toBe(201);
      expect(reply.body.url).toBe(url);
      ids.push(reply.body.id);
    }
    // Everything that could touch the row: read, list, trash, restore, delete for good.
    for (const id of ids) {
      await atelier.api('GET', `/v1/gallery/${id}/`);
      await atelier.api('DELETE', `/v1/gallery/${id}/`);
      await atelier.api('POST', `/v1/gallery/${id}/restore/`);
      expect((await atelier.api('DELETE', `/v1/gallery/${id}/permanent/`)).status).toBe(204);
    }
    await atelier.api('GET', '/v1/gallery/');
    expect(reached).toEqual([]);
  });

  it('only http(s) URLs are taken', async () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'javascript:alert(1)']) {
      const reply = await atelier.api('POST', '/v1/gallery/', { url, prompt: 'p', width: 8, height: 8, format: 'png' });
      expect(reply.status, url).toBe(400);
    }
  });
});

describe('a webhook URL', () => {
  it('naming a loopback, private, link-local, unique-local or multicast address is refused with a clear 400', async () => {
    for (const url of [
      `${internalUrl}/hook`,
      'http://localhost:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.7/hook',
      'https://192.168.1.20/hook',
      'http://[::1]:8080/hook',
      'http://[fd00::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://224.0.0.1/hook',
    ]) {
      const reply = await atelier.api('POST', '/v1/webhooks/', { url, events: ['message.completed'] });
      expect(reply.status, url).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'body.url' })] });
      expect(reply.body.error.message, url).toMatch(/non-public address.*WEBHOOK_ALLOW_PRIVATE=true/);
    }
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO']) {
      expect((await atelier.api('POST', '/v1/webhooks/', { url, events: ['message.completed'] })).status, url).toBe(400);
    }
    expect((await atelier.api('GET', '/v1/webhooks/')).body.items).toEqual([]);
    // An event the refused endpoints would have wanted: nothing reaches the internal server.
    const session = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id;
    await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: 'hello!' });
    expect(reached).toEqual([]);
  });
});
