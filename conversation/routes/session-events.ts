import { createRoute, z } from '@hono/zod-openapi';
import { POSITION_PATTERN } from '../../shared/event-log.js';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { followSession, type FollowFrom } from '../follow-session.js';
import { SessionParams } from '../schemas.js';
import { eventStream, eventStreamResponse } from './event-stream.js';

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}/events',
  operationId: 'streamSessionEvents',
  tags: ['chat'],
  summary: "A session's message changes as Server-Sent Events",
  description:
    "Every change of the session's messages as `message.updated` (the poll's shape), in order, each with `id:` its position in the session's event log. Reconnecting with `Last-Event-ID` (an `EventSource` does it by itself) first replays what was missed, then goes live: no gap, no duplicate. Without it, `after_sequence` replays each message's changes above that sequence; with neither, the stream is live only. Comment lines are heartbeats. The stream stays open until the client closes it. Send the credential as a bearer header (a fetch-based SSE client; see README).",
  request: {
    params: SessionParams,
    query: z.object({
      after_sequence: z.coerce.number().int().min(0).optional().openapi({ description: 'Replay each message\'s changes above this sequence' }),
    }),
    headers: z.object({
      'last-event-id': z
        .string()
        .regex(POSITION_PATTERN, { message: 'Last-Event-ID must be an id this stream sent (like 1764590000000-0)' })
        .optional()
        .openapi({ description: 'The `id:` of the last event received: the stream resumes after it' }),
    }),
  },
  responses: {
    200: eventStreamResponse('The event stream'),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerSessionEvents(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { after_sequence: afterSequence } = c.req.valid('query');
    const lastEventId = c.req.valid('header')['last-event-id'];
    const from: FollowFrom =
      lastEventId !== undefined
        ? { kind: 'position', after: lastEventId }
        : afterSequence !== undefined
          ? { kind: 'sequences', after: {}, otherwise: afterSequence }
          : null;
    let lastPosition = lastEventId ?? '0-0';
    // The generic response of a stream is not the route's typed one; the document declares it.
    return (await eventStream(c, ctx, {
      follow: (onChange) => followSession({ ctx, input: { userId: c.get('userId'), sessionId: id, from, onChange } }),
      idOf: (change) => (lastPosition = change.position ?? lastPosition),
    })) as never;
  });
}
