import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../shared/paths.js';
import { REALTIME_EVENTS } from '../shared/realtime.js';
import { startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * `/asyncapi.json` describes what the code really sends: every event name an emit in the source
 * uses is a message of the document, and the payloads have the fields the OpenAPI document
 * gives the same shapes (the poll and the event are one shape).
 */

type Json = Record<string, unknown>;

let atelier: TestAtelier;
let asyncapi: Json;
let openapi: Json;

beforeAll(async () => {
  atelier = await startTestAtelier();
  const response = await fetch(new URL('/asyncapi.json', atelier.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  asyncapi = (await response.json()) as Json;
  openapi = (await (await fetch(new URL('/openapi.json', atelier.url))).json()) as Json;
});
afterAll(async () => {
  await atelier?.close();
});

const at = (document: Json, pointer: string): Json =>
  pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json>((node, part) => node[part.replaceAll('~1', '/')] as Json, document);

/** A schema with its `$ref` followed (and an `allOf` of refs merged), for comparing fields. */
function fields(document: Json, schema: Json): { required: string[]; properties: string[] } {
  if (typeof schema.$ref === 'string') return fields(document, at(document, schema.$ref));
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Json[]).map((part) => fields(document, part));
    return { required: parts.flatMap((part) => part.required), properties: parts.flatMap((part) => part.properties) };
  }
  return { required: (schema.required as string[] | undefined) ?? [], properties: Object.keys((schema.properties as Json | undefined) ?? {}) };
}

/** Every `.ts` file of the project but tests and dependencies. */
async function sourceFiles(dir = projectPath()): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      if (entry.isDirectory()) return ['node_modules', 'dist', '.data', '.git', 'bench'].includes(entry.name) ? [] : sourceFiles(path.join(dir, entry.name));
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path.join(dir, entry.name)] : [];
    }),
  );
  return nested.flat();
}

/** The event names the source sends or answers: Socket.IO emits, SSE `event:` fields, the server's `socket.on` handlers. */
async function eventNamesInSource(): Promise<Set<string>> {
  const names = new Set<string>();
  const constants = REALTIME_EVENTS as Record<string, string>;
  for (const file of await sourceFiles()) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/REALTIME_EVENTS\.(\w+)/g)) {
      const name = constants[match[1] as string];
      if (name === undefined) throw new Error(`${file}: REALTIME_EVENTS.${match[1]} is not an event`);
      names.add(name);
    }
    for (const match of text.matchAll(/\.(?:emit|toUser)\([^)]*?'([a-z]+(?:\.[a-z]+)+)'/g)) names.add(match[1] as string);
    for (const match of text.matchAll(/writeSSE\(\{\s*event: '([^']+)'/g)) names.add(match[1] as string);
    // What a client may send: the Socket.IO server's handlers (other files' `socket.on` are TCP sockets).
    if (file === projectPath('gateway', 'realtime.ts')) {
      for (const match of text.matchAll(/socket\.on\('([^']+)'/g)) if (match[1] !== 'disconnect') names.add(match[1] as string);
    }
  }
  return names;
}

describe('the AsyncAPI document', () => {
  it('is AsyncAPI 3.0, public, and linked from the OpenAPI document', async () => {
    expect(asyncapi).toMatchObject({ asyncapi: '3.0.0', info: { title: expect.any(String), version: expect.any(String) } });
    expect((await fetch(new URL('/asyncapi.json', atelier.url))).status).toBe(200); // no credential sent
    expect(openapi).toMatchObject({ externalDocs: { url: '/asyncapi.json' }, info: { description: expect.stringContaining('/asyncapi.json') } });
    const operation = at(openapi, '#/paths/~1asyncapi.json/get');
    expect(operation).toMatchObject({ operationId: 'getAsyncApiDocument', security: [] });
  });

  it('names every event the code emits or takes, and every reference in it resolves', async () => {
    const inSource = await eventNamesInSource();
    expect([...inSource]).toEqual(expect.arrayContaining(['message.updated', 'gallery.image.created', 'gallery.image.deleted', 'gallery.image.restored', 'gallery.export.updated', 'subscribe', 'unsubscribe']));
    const messages = at(asyncapi, '#/components/messages');
    const documented = new Set(Object.values(messages).map((message) => (message as Json).name));
    expect([...inSource].filter((name) => !documented.has(name))).toEqual([]);
    // Every $ref points at something in the document.
    const dangling: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') {
            try {
              if (at(asyncapi, value) === undefined) dangling.push(value);
            } catch {
              dangling.push(value);
            }
          } else walk(value);
        }
      }
    };
    walk(asyncapi);
    expect(dangling).toEqual([]);
  });

  it.each([
    ['messageUpdated', 'Message'],
    ['galleryImageCreated', 'GalleryImage'],
    ['galleryImageRestored', 'GalleryImage'],
    ['galleryImageDeleted', 'GalleryImage'],
    ['galleryExportUpdated', 'GalleryExport'],
  ])('%s carries the OpenAPI %s: the same required fields', (message, component) => {
    const payload = fields(asyncapi, at(asyncapi, `#/components/messages/${message}/payload`));
    const http = fields(openapi, at(openapi, `#/components/schemas/${component}`));
    expect(http.required.length).toBeGreaterThan(3);
    const extra = message === 'galleryImageDeleted' ? ['permanent'] : [];
    expect(payload.required.sort()).toEqual([...http.required, ...extra].sort());
    expect(payload.properties.sort()).toEqual([...http.properties, ...extra].sort());
  });

  it('the SSE streams are channels of their own, carrying message.updated', () => {
    const channels = at(asyncapi, '#/channels');
    const addresses = Object.values(channels).map((channel) => (channel as Json).address);
    expect(addresses).toEqual(expect.arrayContaining(['/api/v1/chat/sessions/{session_id}/events/', '/api/v1/chat/sessions/{session_id}/messages/{message_id}/events/']));
    expect(at(asyncapi, '#/operations/subscribe')).toMatchObject({ action: 'send', reply: { messages: [{ $ref: '#/channels/session/messages/subscribeAck' }] } });
  });
});
