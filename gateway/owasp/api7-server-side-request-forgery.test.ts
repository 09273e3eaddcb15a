import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier } from '../test-harness.js';

/**
 * OWASP API7:2023 Server Side Request Forgery. The one place a client hands Atelier a URL is an
 * external gallery record (`POST /v1/gallery/ {url}`): Atelier keeps and returns it, and never
 * fetches it, so a URL naming an internal address (here a server on loopback standing for one)
 * cannot make Atelier reach it. (Webhooks, which do send requests, come with their own address rules.)
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
