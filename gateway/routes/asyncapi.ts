import { createRoute, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { Message } from '../../conversation/index.js';
import { GalleryExport, GalleryImage } from '../../gallery/index.js';
import type { App } from '../../shared/http.js';
import { REALTIME_EVENTS } from '../../shared/realtime.js';
import { Ack, ReplayRequest, SubscribeRequest } from '../realtime-schemas.js';

/**
 * `GET /asyncapi.json`: the realtime side of the API as an AsyncAPI 3.0 document, beside
 * `/openapi.json`. The payloads are the same zod schemas the HTTP routes answer with (Message,
 * GalleryImage, GalleryExport), taken from the OpenAPI document's components, so the two
 * documents cannot drift apart; what only Socket.IO carries (`subscribe` and its acknowledgement)
 * is rendered from the zod schemas gateway/realtime.ts parses with.
 */

/** The OpenAPI components the events carry, and (through them) every schema they refer to. */
const PAYLOADS = { Message, GalleryImage, GalleryExport } as const;

type Schema = Record<string, unknown>;

const SSE_NOTE =
  'Server-Sent Events: each event is `event: message.updated`, `id:` a resume token (send it back as `Last-Event-ID`), `data:` the message as JSON; lines starting with `:` are heartbeats.';

const route = createRoute({
  method: 'get',
  path: '/asyncapi.json',
  operationId: 'getAsyncApiDocument',
  tags: ['docs'],
  summary: 'The realtime events (Socket.IO and Server-Sent Events) as an AsyncAPI 3.0 document',
  responses: { 200: { description: 'The document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
});

/** A zod schema as the JSON Schema (draft 7) AsyncAPI's default schema format is built on. */
function jsonSchema(schema: zod.ZodType, io: 'input' | 'output'): Schema {
  const { $schema: _dialect, ...rest } = zod.toJSONSchema(schema, { target: 'draft-7', io }) as Schema;
  return rest;
}

/** `#/components/schemas/…` names that `schema` refers to, at any depth. */
function refsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) refsOf(item, found);
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) found.add(value.slice('#/components/schemas/'.length));
      else refsOf(value, found);
    }
  }
  return found;
}

/** The named schemas and all they refer to, from the OpenAPI components. */
function closure(all: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  const queue = [...names];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (name in picked) continue;
    const schema = all[name];
    if (schema === undefined) throw new Error(`the OpenAPI document has no component ${name}`);
    picked[name] = schema;
    queue.push(...refsOf(schema));
  }
  return picked;
}

const ref = (path: string) => ({ $ref: path });

/** The document. `openApiSchemas`: the OpenAPI document's `components.schemas`. */
export function buildAsyncApiDocument(options: { version: string; publicUrl: string; openApiSchemas: Record<string, unknown> }): Schema {
  const url = new URL(options.publicUrl);
  const secure = url.protocol === 'https:';
  const host = url.host;
  const messageOf = (event: string, summary: string, payload: Schema, description?: string): Schema => ({
    name: event,
    title: event,
    summary,
    ...(description && { description }),
    contentType: 'application/json',
    payload,
  });

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Atelier realtime',
      version: options.version,
      description:
        "The events Atelier pushes as a message moves through its stages and the gallery changes: over Socket.IO on the gateway's port (`io(url, { auth: { token } })`; the handshake without a credential is refused), and as Server-Sent Events. The HTTP API is described in [/openapi.json](/openapi.json). Every `message.updated` carries the message exactly as the poll (`GET /api/v1/chat/sessions/{id}/messages/{message_id}/`) returns it; its `sequence` rises with every change, so drop an event older than what you hold.",
      externalDocs: { description: 'The HTTP API (OpenAPI 3.1)', url: `${options.publicUrl}/openapi.json` },
    },
    defaultContentType: 'application/json',
    servers: {
      socketio: {
        host,
        pathname: '/socket.io/',
        protocol: secure ? 'wss' : 'ws',
        description:
          'Socket.IO v4 (Engine.IO over WebSocket, or HTTP long-polling) on the gateway\'s own port. Events are Socket.IO events: the message `name` is the event name.',
        security: [ref('#/components/securitySchemes/bearerAuth')],
      },
      sse: {
        host,
        protocol: secure ? 'https' : 'http',
        description: `The same \`message.updated\` events over HTTP, with \`Authorization: Bearer\`. ${SSE_NOTE}`,
        security: [ref('#/components/securitySchemes/bearerAuth')],
      },
    },
    channels: {
      session: {
        address: 'session:{session_id}',
        title: "A session's messages",
        description:
          "Followed with `subscribe` (acknowledged; what was missed is replayed before the acknowledgement, then changes are live) and left with `unsubscribe`; a reconnecting client subscribes again with `after` or `after_sequence`.",
        servers: [ref('#/servers/socketio')],
        parameters: { session_id: { description: 'The session id' } },
        messages: {
          messageUpdated: ref('#/components/messages/messageUpdated'),
          subscribe: ref('#/components/messages/subscribe'),
          subscribeAck: ref('#/components/messages/subscribeAck'),
          unsubscribe: ref('#/components/messages/unsubscribe'),
        },
      },
      user: {
        address: 'user:{user_id}',
        title: "The user's own room",
        description: 'Joined on connect, no request needed: the events of the user\'s gallery and exports, from every process (the Redis adapter).',
        servers: [ref('#/servers/socketio')],
        parameters: { user_id: { description: 'The signed-in user' } },
        messages: {
          galleryImageCreated: ref('#/components/messages/galleryImageCreated'),
          galleryImageDeleted: ref('#/components/messages/galleryImageDeleted'),
          galleryImageRestored: ref('#/components/messages/galleryImageRestored'),
          galleryExportUpdated: ref('#/components/messages/galleryExportUpdated'),
        },
      },
      sessionEvents: {
        address: '/api/v1/chat/sessions/{session_id}/events/',
        title: "A session's message changes (SSE)",
        description:
          'Every change of the session\'s messages, in order; reconnecting with `Last-Event-ID` replays what was missed, then goes live (`?after_sequence=N` on a first connection). Stays open until the client closes it.',
        servers: [ref('#/servers/sse')],
        parameters: { session_id: { description: 'The session id' } },
        messages: { messageUpdated: ref('#/components/messages/messageUpdated') },
      },
      messageEvents: {
        address: '/api/v1/chat/sessions/{session_id}/messages/{message_id}/events/',
        title: "One message's changes (SSE)",
        description: 'Replayed, then live; `id:` is the message\'s `sequence`. The stream ends after `DONE` or `FAILED`.',
        servers: [ref('#/servers/sse')],
        parameters: { session_id: { description: 'The session id' }, message_id: { description: 'The message id' } },
        messages: { messageUpdated: ref('#/components/messages/messageUpdated') },
      },
    },
    operations: {
      subscribe: {
        action: 'send',
        channel: ref('#/channels/session'),
        summary: 'Follow a session',
        messages: [ref('#/channels/session/messages/subscribe')],
        reply: { channel: ref('#/channels/session'), messages: [ref('#/channels/session/messages/subscribeAck')] },
      },
      unsubscribe: {
        action: 'send',
        channel: ref('#/channels/session'),
        summary: 'Stop following a session',
        messages: [ref('#/channels/session/messages/unsubscribe')],
        reply: { channel: ref('#/channels/session'), messages: [ref('#/channels/session/messages/subscribeAck')] },
      },
      receiveMessageUpdated: {
        action: 'receive',
        channel: ref('#/channels/session'),
        summary: 'A followed message changed',
        messages: [ref('#/channels/session/messages/messageUpdated')],
      },
      receiveGalleryImageCreated: {
        action: 'receive',
        channel: ref('#/channels/user'),
        summary: 'An image was filed in the gallery',
        messages: [ref('#/channels/user/messages/galleryImageCreated')],
      },
      receiveGalleryImageDeleted: {
        action: 'receive',
        channel: ref('#/channels/user'),
        summary: 'An image went to the trash, or was deleted for good',
        messages: [ref('#/channels/user/messages/galleryImageDeleted')],
      },
      receiveGalleryImageRestored: {
        action: 'receive',
        channel: ref('#/channels/user'),
        summary: 'An image came back from the trash',
        messages: [ref('#/channels/user/messages/galleryImageRestored')],
      },
      receiveGalleryExportUpdated: {
        action: 'receive',
        channel: ref('#/channels/user'),
        summary: "An export's status or progress changed",
        messages: [ref('#/channels/user/messages/galleryExportUpdated')],
      },
      streamSessionEvents: {
        action: 'receive',
        channel: ref('#/channels/sessionEvents'),
        summary: "GET a session's events as a text/event-stream",
        messages: [ref('#/channels/sessionEvents/messages/messageUpdated')],
      },
      streamMessageEvents: {
        action: 'receive',
        channel: ref('#/channels/messageEvents'),
        summary: "GET one message's events as a text/event-stream",
        messages: [ref('#/channels/messageEvents/messages/messageUpdated')],
      },
    },
    components: {
      schemas: {
        ...closure(options.openApiSchemas, Object.keys(PAYLOADS)),
        GalleryImageDeleted: {
          allOf: [
            ref('#/components/schemas/GalleryImage'),
            {
              type: 'object',
              properties: { permanent: { type: 'boolean', description: '`false`: moved to the trash (`deleted_at` set); `true`: gone for good (the image as it was)' } },
              required: ['permanent'],
            },
          ],
        },
        SubscribeRequest: jsonSchema(ReplayRequest, 'input'),
        UnsubscribeRequest: jsonSchema(SubscribeRequest, 'input'),
        SubscribeAck: jsonSchema(Ack, 'output'),
      },
      messages: {
        messageUpdated: messageOf(REALTIME_EVENTS.messageUpdated, 'A message changed: its stage, progress, result or error', ref('#/components/schemas/Message')),
        subscribe: messageOf('subscribe', 'Follow a session; send with an acknowledgement callback (`emitWithAck`)', ref('#/components/schemas/SubscribeRequest')),
        unsubscribe: messageOf('unsubscribe', 'Stop following a session', ref('#/components/schemas/UnsubscribeRequest')),
        subscribeAck: messageOf(
          'subscribe (acknowledgement)',
          'The acknowledgement of `subscribe` / `unsubscribe`',
          ref('#/components/schemas/SubscribeAck'),
          'Not an event: the value the acknowledgement callback is called with. `{ ok: false, error: { code: "not_found" } }` for a session that is not the caller\'s.',
        ),
        galleryImageCreated: messageOf(REALTIME_EVENTS.galleryImageCreated, 'An image was filed in the gallery', ref('#/components/schemas/GalleryImage')),
        galleryImageDeleted: messageOf(REALTIME_EVENTS.galleryImageDeleted, 'An image was trashed or deleted for good', ref('#/components/schemas/GalleryImageDeleted')),
        galleryImageRestored: messageOf(REALTIME_EVENTS.galleryImageRestored, 'An image was restored from the trash', ref('#/components/schemas/GalleryImage')),
        galleryExportUpdated: messageOf(REALTIME_EVENTS.galleryExportUpdated, "An export's status or progress changed (its owner only)", ref('#/components/schemas/GalleryExport')),
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An access token, an API key or a JWT, as for the HTTP API: Socket.IO takes it as `auth: { token }` (or an `Authorization` header); SSE as `Authorization: Bearer`.',
        },
      },
    },
  };
}

/** Registers `GET /asyncapi.json` (public, like `/openapi.json`). */
export function registerAsyncApi(app: App, info: { version: string; publicUrl: string }): void {
  // The payloads are components of the OpenAPI document whichever routes are registered.
  for (const [name, schema] of Object.entries(PAYLOADS)) app.openAPIRegistry.register(name, schema);
  app.openAPIRegistry.registerPath(route);
  let document: Schema | undefined;
  app.get('/asyncapi.json', (c) => {
    // Built once: the schemas do not change while the process runs.
    document ??= buildAsyncApiDocument({
      ...info,
      openApiSchemas: (app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Atelier', version: info.version } }).components?.schemas ?? {}) as Record<string, unknown>,
    });
    return c.json(document);
  });
}
