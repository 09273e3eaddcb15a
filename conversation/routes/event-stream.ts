import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConversationContext } from '../context.js';
import type { MessageChange } from '../follow-session.js';
import { toMessageWire } from '../schemas.js';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** What an `EventSource` waits before reconnecting (with `Last-Event-ID`). */
const RETRY_MS = 2_000;

/** The OpenAPI description of an event stream's 200. */
export const eventStreamResponse = (description: string) => ({
  description,
  content: {
    'text/event-stream': {
      schema: z.string().openapi({
        description:
          'Server-Sent Events: `event: message.updated`, `id:` a resume token, `data:` the message (the poll\'s shape); comment lines are heartbeats.',
        example: 'retry: 2000\n\nevent: message.updated\nid: 1764590000000-0\ndata: {"id":"…","status":"PROCESSING","sequence":2}\n\n',
      }),
    },
  },
});

/**
 * A follower's changes as a Server-Sent Events stream. `follow` starts following with the
 * function it is given (so a 404 is answered before the stream starts); its changes are queued
 * and written in order. The stream ends when the client goes, the gateway stops, or `endsAfter`
 * says the change just sent was the last.
 */
export async function eventStream(
  c: Context,
  ctx: Pick<ConversationContext, 'links' | 'feed'>,
  options: {
    follow: (onChange: (change: MessageChange) => void) => Promise<() => void>;
    idOf: (change: MessageChange) => string;
    endsAfter?: (change: MessageChange) => boolean;
  },
): Promise<Response> {
  const queue: MessageChange[] = [];
  let wake: (() => void) | undefined;
  const stop = await options.follow((change) => {
    queue.push(change);
    wake?.();
  });
  return streamSSE(c, async (stream) => {
    let open = true;
    const close = () => {
      open = false;
      wake?.();
    };
    stream.onAbort(close);
    ctx.feed.stopping.addEventListener('abort', close);
    const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n').catch(close), HEARTBEAT_MS);
    try {
      await stream.write(`retry: ${RETRY_MS}\n\n`);
      while (open && !ctx.feed.stopping.aborted) {
        const change = queue.shift();
        if (!change) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        await stream.writeSSE({
          event: 'message.updated',
          id: options.idOf(change),
          data: JSON.stringify(toMessageWire(change.message, ctx.links)),
        });
        if (options.endsAfter?.(change)) break;
      }
    } finally {
      clearInterval(heartbeat);
      ctx.feed.stopping.removeEventListener('abort', close);
      stop();
    }
  });
}
