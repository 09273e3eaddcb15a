import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/**
 * Says `Connection: close` when the connection must not carry another request:
 * - the answer went out before the request's body was read (a 413 judged from Content-Length,
 *   a 415): the rest of that body is still on the way, so the socket closes cleanly after the
 *   answer rather than being cut under the client's next pooled request;
 * - the server is stopping (`isStopping`): a keep-alive client moves to another instance.
 */
export function connectionHygiene(options: { isStopping: () => boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (options.isStopping() || (incoming !== undefined && !incoming.complete)) c.header('Connection', 'close');
  };
}
