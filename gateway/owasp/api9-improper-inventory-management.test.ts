import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logger.js';
import { createApp } from '../app.js';
import { isPublicPath } from '../middleware/authenticate.js';
import { registerRoutes } from '../routes.js';
import { callApi, startTestAtelier, type TestAtelier } from '../test-harness.js';

/**
 * OWASP API9:2023 Improper Inventory Management: the served OpenAPI document is the inventory.
 * Every route the gateway registers is in it (no forgotten, undocumented or debug route), and
 * every operation in it says how it is secured: the public ones say `security: []`, the rest
 * take the document's bearer scheme, and then declare the 401 they can answer.
 */

interface Document {
  security?: unknown[];
  components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
}

let atelier: TestAtelier;
let document: Document;

beforeAll(async () => {
  atelier = await startTestAtelier();
  document = (await callApi(atelier.url, 'GET', '/openapi.json')).body as Document;
});
afterAll(async () => {
  await atelier?.close();
});

/** `/v1/gallery/:id` (Hono) and `/v1/gallery/{id}/` (the document) as one key. */
const normalised = (path: string) => path.replace(/:([a-z_]+)(\{[^}]*\})?/gi, '{$1}').replace(/\/$/, '') || '/';

describe('the API inventory', () => {
  it('documents every route the gateway registers', () => {
    // The production route table, registered on an app of its own.
    const app = createApp({
      logger: createLogger({ level: 'silent' }),
      authenticate: async () => {
        throw new Error('not called');
      },
      corsOrigins: [],
      bodyLimitBytes: 1024,
      register: (target) => registerRoutes(target, atelier.ctx, 'test'),
    });
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${normalised(path)}`)),
    );
    const registered = app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => `${route.method} ${normalised(route.path)}`);
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('declares the security of every operation', () => {
    expect(document.components.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (isPublicPath(normalised(path))) {
          expect(operation.security, name).toEqual([]);
        } else {
          expect(operation.security, name).toBeUndefined();
          expect(Object.keys(operation.responses), name).toContain('401');
        }
      }
    }
  });

  it('a public operation answers without a credential; every other one asks for it', async () => {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!('get' in item) || path.includes('{')) continue;
      const reply = await callApi(atelier.url, 'GET', path);
      if (isPublicPath(normalised(path))) expect(reply.status, path).not.toBe(401);
      else expect(reply.status, path).toBe(401);
    }
  });
});
