import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier } from '../test-harness.js';

/**
 * OWASP API8:2023 Security Misconfiguration, as a hostile web page and a careless deployment
 * would find it: CORS lets only the instance's own origin (or the listed ones) read answers, with
 * credentials, and never opens `/internal/` to any page; Socket.IO refuses a handshake from a
 * foreign page; the docs page may load only its own assets (CSP) and still loads them; API
 * answers forbid being loaded or framed; HSTS is sent only over HTTPS.
 *
 * Two systems: `atelier` with every default (CORS_ORIGINS unset: its own origin only; no proxy
 * trusted) and `open` as an operator might run it behind a TLS proxy (CORS_ORIGINS=*, TRUST_PROXY).
 */

let atelier: TestAtelier;
let open: TestAtelier;
let ownOrigin: string;
const FOREIGN = 'https://evil.example';

beforeAll(async () => {
  [atelier, open] = await Promise.all([startTestAtelier(), startTestAtelier({ CORS_ORIGINS: '*', TRUST_PROXY: 'true' })]);
  ownOrigin = new URL(atelier.ctx.publicUrl).origin;
});

afterAll(async () => {
  await Promise.all([atelier?.close(), open?.close()]);
});

const corsHeaders = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('access-control-'));

const preflight = (system: TestAtelier, path: string, origin: string) =>
  fetch(new URL(path, system.url), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

describe('CORS, by default: the instance\'s own origin only', () => {
  it('gives a foreign page nothing: no CORS header on the answer, none on its preflight', async () => {
    const answer = await atelier.api('GET', '/v1/gallery/', undefined, { origin: FOREIGN });
    expect(answer.status).toBe(200);
    expect(corsHeaders(answer.headers)).toEqual([]);
    expect(answer.headers.get('vary')).toMatch(/origin/i);

    const asked = await preflight(atelier, '/api/v1/chat/sessions/', FOREIGN);
    expect(asked.status).toBe(204);
    expect(corsHeaders(asked.headers)).toEqual([]);
  });

  it('lets the own origin (the public URL\'s) read answers, with credentials, and answers its preflight', async () => {
    expect(ownOrigin).toBe(new URL(atelier.url).origin.replace('127.0.0.1', 'localhost'));
    const answer = await atelier.api('GET', '/v1/gallery/', undefined, { origin: ownOrigin });
    expect(answer.headers.get('access-control-allow-origin')).toBe(ownOrigin);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);

    const asked = await preflight(atelier, '/api/v1/chat/sessions/', ownOrigin);
    expect(asked.status).toBe(204);
    expect(asked.headers.get('access-control-allow-origin')).toBe(ownOrigin);
    expect(asked.headers.get('access-control-allow-credentials')).toBe('true');
    expect(asked.headers.get('access-control-allow-methods')).toContain('POST');
    expect(asked.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('keeps /internal/ from a foreign page', async () => {
    const asked = await preflight(atelier, '/internal/v1/dead-letters/', FOREIGN);
    expect(corsHeaders(asked.headers)).toEqual([]);
    const answer = await atelier.api('GET', '/internal/v1/dead-letters/', undefined, { origin: FOREIGN });
    expect(answer.status).toBe(200); // the admin's own call works; a page of another origin cannot read it
    expect(corsHeaders(answer.headers)).toEqual([]);
  });
});

describe('CORS_ORIGINS=*, set by an operator', () => {
  it('lets any origin read public API answers, but never with credentials', async () => {
    const answer = await open.api('GET', '/v1/gallery/', undefined, { origin: FOREIGN });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const asked = await preflight(open, '/api/v1/chat/sessions/', FOREIGN);
    expect(asked.headers.get('access-control-allow-origin')).toBe('*');
    expect(asked.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('still keeps /internal/ from every page', async () => {
    const asked = await preflight(open, '/internal/v1/dead-letters/', FOREIGN);
    expect(asked.status).toBe(204);
    expect(corsHeaders(asked.headers)).toEqual([]);
    const answer = await open.api('GET', '/internal/v1/dead-letters/', undefined, { origin: FOREIGN });
    expect(corsHeaders(answer.headers)).toEqual([]);
  });
});

describe('Socket.IO checks the same origins', () => {
  const pollingHandshake = (system: TestAtelier, headers: Record<string, string>) =>
    fetch(new URL('/socket.io/?EIO=4&transport=polling', system.url), { headers });

  it('refuses a handshake from a foreign page, over polling and over WebSocket, whatever the credential', async () => {
    const polling = await pollingHandshake(atelier, { origin: FOREIGN });
    expect(polling.status).toBe(403);
    expect(corsHeaders(polling.headers)).toEqual([]);

    const socket = io(atelier.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: atelier.token }, extraHeaders: { origin: FOREIGN } });
    try {
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      expect(outcome).toBe('refused');
    } finally {
      socket.close();
    }
  });

  it('lets the own origin, the gateway\'s own host and non-browser clients (no Origin) connect', async () => {
    const own = await pollingHandshake(atelier, { origin: ownOrigin });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(ownOrigin);
    expect(own.headers.get('access-control-allow-credentials')).toBe('true');
    await own.body?.cancel();
    const sameHost = await pollingHandshake(atelier, { origin: new URL(atelier.url).origin });
    expect(sameHost.status).toBe(200);
    await sameHost.body?.cancel();
    const noOrigin = await pollingHandshake(atelier, {});
    expect(noOrigin.status).toBe(200);
    await noOrigin.body?.cancel();
    // And the whole handshake, credential checked, from the own origin.
    const socket = io(atelier.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: atelier.token }, extraHeaders: { origin: ownOrigin } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
    } finally {
      socket.close();
    }
  });

  it('lets any page connect when the operator allows any origin', async () => {
    const polling = await pollingHandshake(open, { origin: FOREIGN });
    expect(polling.status).toBe(200);
    await polling.body?.cancel();
  });
});

describe('Content-Security-Policy', () => {
  it('lets the docs page load only its own assets, and every asset it names loads', async () => {
    const page = await fetch(new URL('/docs', atelier.url));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives).toMatchObject({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      // blob: is where "Try it out" shows an image it fetched (web/swagger-ui.test.ts).
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:/);

    const html = await page.text();
    // Nothing inline that the policy would block: every script has a src, no style attribute or element.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    const assets = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset.startsWith('/'), `${asset} is the page's own`).toBe(true);
      const response = await fetch(new URL(asset, atelier.url));
      expect(response.status, asset).toBe(200);
      const text = await response.text();
      if (asset.endsWith('.css')) expect(text.match(/url\((?!["']?data:)[^)]*\)/g) ?? [], 'the stylesheet loads nothing from elsewhere').toEqual([]);
      if (asset === '/docs/init.js') expect(text).toMatch(/url: '\/openapi\.json'[^]*validatorUrl: null/);
    }
    expect((await fetch(new URL('/openapi.json', atelier.url))).status).toBe(200);
  });

  it('tells a browser that API answers are data: nothing loads in them and nothing frames them', async () => {
    for (const path of ['/v1/gallery/', '/openapi.json', '/health']) {
      const answer = await atelier.api('GET', path);
      expect(answer.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    const refused = await atelier.api('GET', '/v1/gallery/', undefined, { authorization: '' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('Strict-Transport-Security', () => {
  it('is not sent over plain HTTP, and a client cannot claim HTTPS where no proxy is trusted', async () => {
    expect((await atelier.api('GET', '/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await atelier.api('GET', '/health', undefined, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBeNull();
  });

  it('is sent behind a trusted proxy that says the request came over HTTPS, and only then', async () => {
    expect((await open.api('GET', '/health', undefined, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect((await open.api('GET', '/health', undefined, { 'x-forwarded-proto': 'http' })).headers.get('strict-transport-security')).toBeNull();
    expect((await open.api('GET', '/health')).headers.get('strict-transport-security')).toBeNull();
  });
});
