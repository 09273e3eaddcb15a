import { io, type Socket } from 'socket.io-client';
import type { components } from './schema.js';

type Message = components['schemas']['Message'];

export interface RealtimeOptions {
  /** Where Atelier answers, e.g. `http://localhost:9999` (Socket.IO is on the same port). */
  baseUrl: string;
  /** The credential; a function is asked again on every reconnect (a renewed token is then sent). */
  token: string | (() => string | undefined | Promise<string | undefined>);
  /** Options for socket.io-client (a test's transports, say). */
  socketOptions?: Parameters<typeof io>[1];
}

/**
 * A Socket.IO connection to Atelier, signed in: the events the server sends every socket of the
 * user (`gallery.image.*`, `gallery.export.updated`) arrive on it at once; a session's messages
 * after a `subscribe` (or through {@link followSession}).
 */
export function connectRealtime(options: RealtimeOptions): Socket {
  const { token } = options;
  return io(options.baseUrl, {
    ...options.socketOptions,
    auth: (callback) => {
      void Promise.resolve(typeof token === 'function' ? token() : token).then((value) => callback(value ? { token: value } : {}));
    },
  });
}

export interface FollowSessionOptions extends RealtimeOptions {
  /** The followed session: its owner's credential is `token`. */
  sessionId: string;
  /**
   * What the caller holds already: each message's `sequence` (a poll, an earlier follower), so
   * only what is newer is replayed. Default nothing: every message of the session is replayed.
   */
  after?: Record<string, number>;
}

/** A session followed: its messages' changes, in order, with no gap and no duplicate across reconnects. */
export interface SessionFollower extends AsyncIterable<Message> {
  /** The newest `sequence` seen of each message (what a resume asks after). */
  readonly seen: ReadonlyMap<string, number>;
  /** Resolves once the first subscribe is acknowledged (rejects with its error). */
  readonly ready: Promise<void>;
  /** The socket, for a caller that wants more than the session's messages (gallery events). */
  readonly socket: Socket;
  close(): void;
}

/**
 * Follow a session over Socket.IO: subscribe, receive what was missed and then every change as it
 * happens. When the connection drops, socket.io-client reconnects and this subscribes again with
 * the sequence it holds of each message (`after`), so the server replays exactly what was missed;
 * an event already seen (a replay racing a live one) is dropped.
 */
export function followSession(options: FollowSessionOptions): SessionFollower {
  const seen = new Map<string, number>(Object.entries(options.after ?? {}));
  const waiting: Message[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let closed = false;
  const socket = connectRealtime(options);

  let acknowledged: (() => void) | null = null;
  let refused: ((error: Error) => void) | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    acknowledged = resolve;
    refused = reject;
  });
  ready.catch(() => {});
  const notify = () => {
    const next = wake;
    wake = null;
    next?.();
  };
  const fail = (error: Error) => {
    failure = error;
    refused?.(error);
    notify();
  };

  socket.on('connect', () => {
    const after = Object.fromEntries(seen);
    socket.emit('subscribe', { session_id: options.sessionId, after_sequence: 0, after }, (answer: { ok: boolean; error?: { message: string } }) => {
      if (answer.ok) acknowledged?.();
      else fail(new Error(answer.error?.message ?? 'subscribe refused'));
    });
  });
  // A refused handshake (a bad token) does not retry: it would be refused again.
  socket.on('connect_error', (error) => {
    if (!socket.active) fail(error);
  });
  socket.on('message.updated', (message: Message) => {
    if ((seen.get(message.id) ?? 0) >= message.sequence) return;
    seen.set(message.id, message.sequence);
    waiting.push(message);
    notify();
  });

  const close = () => {
    closed = true;
    socket.close();
    notify();
  };

  return {
    seen,
    ready,
    socket,
    close,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const next = waiting.shift();
          if (next) {
            yield next;
            continue;
          }
          if (failure) throw failure;
          if (closed) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        close();
      }
    },
  };
}
