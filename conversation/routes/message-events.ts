import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { followSession } from '../follow-session.js';
import { getMessage } from '../get-message.js';
import { isFinal } from '../message.js';
import { MessageParams } from '../schemas.js';
import { eventStream, eventStreamResponse } from './event-stream.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}/messages/{message_id}/events',
  operationId: 'streamMessageEvents',
  tags: ['chat'],
  summary: "One message's changes as Server-Sent Events, ending at its final state",
  description:
    "The message's changes as `message.updated` (the poll's shape), each with `id:` its `sequence`: first those kept in the event log (all of them, or those after `Last-Event-ID`), then its current state if the log lacks it, then live ones. The stream ends after the final state (DONE or FAILED); for a message already final it replays and ends at once.",
  request: {
    params: MessageParams,
    headers: z.object({
      'last-event-id': z
        .string()
        .regex(/^\d{1,9}$/, { message: 'Last-Event-ID must be a sequence this stream sent' })
        .optional()
        .openapi({ description: 'The `id:` (sequence) of the last event received: the stream resumes after it' }),
    }),
  },
  responses: {
    200: eventStreamResponse('The event stream'),
    204: { description: 'The message is final and the client already has its last change (`Last-Event-ID`): an `EventSource` stops reconnecting' },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerMessageEvents(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id, message_id: messageId } = c.req.valid('param');
    const lastEventId = c.req.valid('header')['last-event-id'];
    const after = { [messageId]: lastEventId === undefined ? 0 : Number(lastEventId) };
    const current = await getMessage({ ctx, input: { userId: c.get('userId'), sessionId: id, messageId } });
    if (isFinal(current.status) && current.sequence <= (after[messageId] ?? 0)) return c.body(null, 204);
    return (await eventStream(c, ctx, {
      follow: (onChange) =>
        followSession({
          ctx,
          input: { userId: c.get('userId'), sessionId: id, messageId, from: { kind: 'sequences', after, otherwise: 0 }, onChange },
        }),
      idOf: (change) => String(change.message.sequence),
      endsAfter: (change) => isFinal(change.message.status),
    })) as never;
  });
}
