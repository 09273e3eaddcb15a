import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import { followSession, toMessageWire, type ConversationStore, type FollowFrom } from '../conversation/index.js';
import type { MediaLinks } from '../image-service/index.js';
import type { EventFeed } from '../shared/event-log.js';
import { createRedis, type RedisErrorHandler } from '../shared/connections/redis.js';
import { toAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { REALTIME_EVENTS, rooms } from '../shared/realtime.js';
import type { Principal } from '../shared/principal.js';
import { corsGrant, type CorsOrigins } from './cors-origins.js';
import { bearerToken, type Authenticator } from './middleware/authenticate.js';
import { ReplayRequest, SubscribeRequest, type Ack } from './realtime-schemas.js';

export type { Ack } from './realtime-schemas.js';

export interface RealtimeOptions {
  redisUrl: string;
  /** Told of the adapter's Redis connection errors (an outage is logged once). */
  onRedisError: RedisErrorHandler;
  /** The Redis channel shared with every emitter (workers, other gateways). */
  channelKey: string;
  /** The browser origins that may connect: the API's own (see cors-origins.ts). */
  corsOrigins: CorsOrigins;
  /** Who the handshake's credential is: `io(url, { auth: { token } })`, or an `Authorization` header. */
  authenticate: Authenticator;
  store: ConversationStore;
  /** The message event log: what a `subscribe` replays, and the live changes it forwards. */
  feed: EventFeed;
  links: MediaLinks;
  logger: Logger;
}

/**
 * Socket.IO on the gateway's own port. A client joins its user's room on connect (gallery
 * events; the Redis adapter relays what any process emits to the clients of every gateway) and
 * follows a session with `subscribe`: its messages' `message.updated`, replayed from the event
 * log and then live from the feed every gateway listens on (conversation/follow-session.ts).
 */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): { close(): Promise<void> } {
  const pub = createRedis(options.redisUrl, options.onRedisError);
  const sub = createRedis(options.redisUrl, options.onRedisError);
  const io = new Server(httpServer, {
    // The polling transport's CORS, decided per request like the API's: credentials only to an allowed origin.
    cors: (request, callback) => {
      const origin = request.headers.origin;
      const grant = origin === undefined ? 'none' : corsGrant(options.corsOrigins, origin, '/socket.io/');
      callback(null, grant === 'none' ? { origin: false } : { origin: grant === 'any' ? '*' : origin, credentials: grant === 'credentialed' });
    },
    // CORS only keeps a page from reading answers; a WebSocket has no CORS at all. So every
    // handshake request (polling and the upgrade alike) from a browser page of a foreign origin
    // is refused here, before the credential is even looked at.
    allowRequest: (request, callback) => callback(null, originMayConnect(request, options.corsOrigins)),
    adapter: createAdapter(pub, sub, { key: options.channelKey }),
  });

  // A handshake without a valid credential is refused (the client's `connect_error` says why).
  io.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const given = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    const token = typeof given === 'string' ? given.replace(/^Bearer\s+/i, '') : bearerToken(socket.handshake.headers.authorization);
    if (!token) return next(refusal('unauthenticated', 'a credential is required: io(url, { auth: { token } })'));
    options.authenticate(token).then(
      (principal) => {
        socket.data.principal = principal;
        next();
      },
      (thrown: unknown) => {
        const error = toAppError(thrown);
        next(refusal(error.code, error.code === 'internal' ? 'internal error' : error.message));
      },
    );
  });

  io.on('connection', (socket: Socket) => {
    const userId = (socket.data.principal as Principal).userId;
    void socket.join(rooms.user(userId));
    // The sessions this socket follows, each with the function that stops following it.
    const following = new Map<string, () => void>();
    socket.on('disconnect', () => {
      for (const stop of following.values()) stop();
      following.clear();
    });

    socket.on('subscribe', async (payload: unknown, ack?: (answer: Ack) => void) => {
      const answer = await subscribe(socket, userId, payload, options, following);
      if (typeof ack === 'function') ack(answer);
    });
    socket.on('unsubscribe', async (payload: unknown, ack?: (answer: Ack) => void) => {
      const parsed = SubscribeRequest.safeParse(payload);
      if (!parsed.success) return typeof ack === 'function' ? ack(invalid()) : undefined;
      following.get(parsed.data.session_id)?.();
      following.delete(parsed.data.session_id);
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

/**
 * Follow a session's messages: replay what the client missed (`after_sequence`, or `after` per
 * message id), then forward live changes, each as `message.updated` (see follow-session.ts).
 * The replay is sent before the acknowledgement. A second subscribe to the same session starts
 * over from what it names.
 */
async function subscribe(
  socket: Socket,
  userId: string,
  payload: unknown,
  options: Pick<RealtimeOptions, 'store' | 'feed' | 'links'>,
  following: Map<string, () => void>,
): Promise<Ack> {
  const parsed = ReplayRequest.safeParse(payload);
  if (!parsed.success) return invalid();
  const { session_id: sessionId, after_sequence: afterSequence, after } = parsed.data;
  const from: FollowFrom =
    afterSequence === undefined && after === undefined ? null : { kind: 'sequences', after: after ?? {}, otherwise: afterSequence ?? 0 };
  try {
    following.get(sessionId)?.();
    following.delete(sessionId);
    const stop = await followSession({
      ctx: options,
      input: {
        userId,
        sessionId,
        from,
        onChange: ({ message }) => socket.emit(REALTIME_EVENTS.messageUpdated, toMessageWire(message, options.links)),
      },
    });
    if (socket.disconnected) stop();
    else following.set(sessionId, stop);
    return { ok: true, session_id: sessionId };
  } catch (thrown) {
    const error = toAppError(thrown);
    return { ok: false, error: { code: error.code, message: error.code === 'internal' ? 'internal error' : error.message } };
  }
}

/**
 * A handshake without `Origin` is not a browser page's (a server, a CLI): the credential decides.
 * A page may connect from an allowed origin, or from this gateway's own host (the page and the
 * socket are then same-origin, which no CORS rule governs in the browser either).
 */
function originMayConnect(request: IncomingMessage, origins: CorsOrigins): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (corsGrant(origins, origin, '/socket.io/') !== 'none') return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** A refused handshake: the client sees `message`, and `data.code` for a program to act on. */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

function invalid(): Ack {
  return {
    ok: false,
    error: {
      code: 'validation_failed',
      message: 'expected { "session_id": "<session uuid>", "after_sequence"?: <integer ≥ 0>, "after"?: { "<message uuid>": <sequence> } }',
    },
  };
}
