import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { getSession, type ConversationStore } from '../conversation/index.js';
import { createRedis, type RedisErrorHandler } from '../shared/connections/redis.js';
import { toAppError } from '../shared/errors.js';
import { idSchema } from '../shared/http.js';
import type { Logger } from '../shared/logger.js';
import { rooms } from '../shared/realtime.js';

export interface RealtimeOptions {
  redisUrl: string;
  /** Told of the adapter's Redis connection errors (an outage is logged once). */
  onRedisError: RedisErrorHandler;
  /** The Redis channel shared with every emitter (workers, other gateways). */
  channelKey: string;
  corsOrigins: string[] | '*';
  localUserId: string;
  store: ConversationStore;
  logger: Logger;
}

/** What a `subscribe` / `unsubscribe` is acknowledged with. */
export type Ack = { ok: true; session_id: string } | { ok: false; error: { code: string; message: string } };

// Ids in either case, kept in lowercase: the room is the same one the workers emit to.
const SubscribeRequest = z.object({ session_id: idSchema('a session') });

/**
 * Socket.IO on the gateway's own port. A client joins its user's room on connect (gallery
 * events) and a session's room with `subscribe` (its messages' `message.updated`). The Redis
 * adapter relays what any process emits to the clients of every gateway.
 */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): { close(): Promise<void> } {
  const pub = createRedis(options.redisUrl, options.onRedisError);
  const sub = createRedis(options.redisUrl, options.onRedisError);
  const io = new Server(httpServer, {
    cors: { origin: options.corsOrigins === '*' ? '*' : options.corsOrigins },
    adapter: createAdapter(pub, sub, { key: options.channelKey }),
  });

  io.on('connection', (socket: Socket) => {
    // Authentication will put the user on the handshake; until then every socket is the local user.
    const userId = options.localUserId;
    void socket.join(rooms.user(userId));

    socket.on('subscribe', async (payload: unknown, ack?: (answer: Ack) => void) => {
      const answer = await subscribe(socket, userId, payload, options.store);
      if (typeof ack === 'function') ack(answer);
    });
    socket.on('unsubscribe', async (payload: unknown, ack?: (answer: Ack) => void) => {
      const parsed = SubscribeRequest.safeParse(payload);
      if (!parsed.success) return typeof ack === 'function' ? ack(invalid()) : undefined;
      await socket.leave(rooms.session(parsed.data.session_id));
      if (typeof ack === 'function') ack({ ok: true, session_id: parsed.data.session_id });
    });
  });

  return {
    close: async () => {
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

async function subscribe(socket: Socket, userId: string, payload: unknown, store: ConversationStore): Promise<Ack> {
  const parsed = SubscribeRequest.safeParse(payload);
  if (!parsed.success) return invalid();
  try {
    const session = await getSession({ ctx: { store }, input: { userId, sessionId: parsed.data.session_id } });
    await socket.join(rooms.session(session.id));
    return { ok: true, session_id: session.id };
  } catch (thrown) {
    const error = toAppError(thrown);
    return { ok: false, error: { code: error.code, message: error.code === 'internal' ? 'internal error' : error.message } };
  }
}

function invalid(): Ack {
  return { ok: false, error: { code: 'validation_failed', message: 'expected { "session_id": "<session uuid>" }' } };
}
