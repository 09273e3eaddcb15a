import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { estimateWait } from '../estimate-wait.js';
import { getMessage } from '../get-message.js';
import { Message, MessageParams, toMessageWire } from '../schemas.js';
import { MAX_WAIT_SECONDS, waitForMessage } from '../wait-for-message.js';

// The message's state is its sequence: the body also carries a freshly signed image URL on every
// read, which must not make an unchanged message look changed.
const etagOf = (sequence: number) => `W/"${sequence}"`;
/** The sequence an `If-None-Match` names (the highest, if it lists several; `*` matches any). */
function sequenceOf(ifNoneMatch: string | undefined, current: number): number | undefined {
  if (ifNoneMatch === undefined) return undefined;
  if (ifNoneMatch.trim() === '*') return current;
  const sequences = [...ifNoneMatch.matchAll(/(?:W\/)?"(\d{1,9})"/g)].map((match) => Number(match[1]));
  return sequences.length > 0 ? Math.max(...sequences) : undefined;
}

const ETag = z.string().openapi({ description: 'W/"<sequence>": send it back in `If-None-Match`' });

const route = createRoute({
  method: 'get',
  path: '/api/v1/chat/sessions/{id}/messages/{message_id}',
  operationId: 'getMessage',
  tags: ['chat'],
  summary: 'One message (poll, long poll); the same shape as the `message.updated` event',
  description: `Answers \`ETag: W/"<sequence>"\`, and \`304\` to an \`If-None-Match\` naming the current one. With \`wait=N\` (0–${MAX_WAIT_SECONDS} s) the answer is held until the message changes past the client's state (its \`If-None-Match\`, or else the message as it is now) or N seconds pass; then it is \`304\` (with \`If-None-Match\`) or the unchanged message. \`queue_position\` and \`eta_ms\` do not change the ETag.`,
  request: {
    params: MessageParams,
    query: z.object({
      wait: z.coerce
        .number()
        .int()
        .min(0)
        .max(MAX_WAIT_SECONDS)
        .optional()
        .openapi({ description: `Hold the answer up to this many seconds for a change (long poll; at most ${MAX_WAIT_SECONDS})` }),
    }),
    headers: z.object({
      'if-none-match': z.string().max(1024).optional().openapi({ description: 'The ETag held: 304 while the message is unchanged' }),
    }),
  },
  responses: {
    200: { description: 'The message', headers: z.object({ ETag }), content: { 'application/json': { schema: Message } } },
    304: { description: 'Unchanged since the ETag in `If-None-Match`', headers: z.object({ ETag }) },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerGetMessage(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id, message_id: messageId } = c.req.valid('param');
    const { wait = 0 } = c.req.valid('query');
    const ifNoneMatch = c.req.valid('header')['if-none-match'];
    const userId = c.get('userId');
    // The client's state: its ETag, or else (a long poll without one) the message as it is now.
    const first = await getMessage({ ctx, input: { userId, sessionId: id, messageId } });
    const held = sequenceOf(ifNoneMatch, first.sequence) ?? (wait > 0 ? first.sequence : undefined);
    const message =
      held !== undefined && wait > 0 && first.sequence <= held
        ? await waitForMessage({
            ctx,
            input: { userId, sessionId: id, messageId, afterSequence: held, waitMs: wait * 1000, signal: c.req.raw.signal },
          })
        : first;
    c.header('ETag', etagOf(message.sequence));
    if (ifNoneMatch !== undefined && sequenceOf(ifNoneMatch, message.sequence) === message.sequence) return c.body(null, 304);
    // Advisory: a poll still answers when Redis (the queues, the durations) does not.
    const estimate = await estimateWait({ ctx, input: { message } }).catch(() => null);
    // Only while it waits: a final message's poll is exactly its last event.
    const wire = toMessageWire(message, ctx.links);
    return c.json(estimate ? { ...wire, queue_position: estimate.queuePosition, eta_ms: estimate.etaMs } : wire, 200);
  });
}
