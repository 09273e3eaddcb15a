import type { Redis } from 'ioredis';
import { COMMAND_TIMEOUT_MS, createRedis, type RedisErrorHandler } from './connections/redis.js';
import { ServiceUnavailable } from './errors.js';

/**
 * The message event log: every change of a message, kept in a Redis stream per session and
 * announced on one pub/sub channel that every gateway listens on.
 *
 * Why Redis and not a table beside the messages: the log is a replay buffer for clients that
 * were away (a refresh, a reconnect), not the record: the store holds every message's latest
 * state, and a client that lost more than the log keeps reads that. Appending costs one Lua call
 * on the connection the emitter already used (no second database write per transition, on both
 * stores), the append and the announcement are one atomic step (nothing announced is missing
 * from the log, nothing logged goes unannounced), and a stream's entry id is a per-session
 * position a Server-Sent Events client can resume from. After a Redis wipe the log is empty:
 * replays fall back to the messages' stored state (see conversation/replay-events.ts).
 */

/** Events kept per session (approximately: streams are trimmed in whole nodes). */
export const EVENT_LOG_MAX_EVENTS = 1000;
/** A session's log expires this long after its last event. */
export const EVENT_LOG_TTL_MS = 24 * 60 * 60 * 1000;

const keys = {
  log: (channelKey: string, sessionId: string) => `${channelKey}:log:${sessionId}`,
  lastSequences: (channelKey: string, sessionId: string) => `${channelKey}:log-seq:${sessionId}`,
  channel: (channelKey: string) => `${channelKey}:messages`,
};

// A change older than one already logged for its message (two writers publishing out of order)
// is dropped: the log, and so every subscriber, sees a message's sequences rise.
const APPEND = `
local last = redis.call('HGET', KEYS[2], ARGV[2])
if last and tonumber(last) >= tonumber(ARGV[3]) then return false end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[6], '*', 'm', ARGV[2], 's', ARGV[3], 'd', ARGV[4])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
redis.call('PUBLISH', ARGV[5], id .. '\\n' .. ARGV[1] .. '\\n' .. ARGV[2] .. '\\n' .. ARGV[3] .. '\\n' .. ARGV[4])
return id`;

/** One logged change. `position` is its stream entry id: ordered within the session. */
export interface LoggedEvent {
  position: string;
  sessionId: string;
  messageId: string;
  sequence: number;
  /** The message as the publisher gave it, parsed from JSON. */
  message: unknown;
}

/** Append a change to its session's log and announce it; resolves to its position (null: stale, dropped). */
export async function appendToEventLog(
  redis: Redis,
  channelKey: string,
  change: { sessionId: string; messageId: string; sequence: number; message: unknown },
): Promise<string | null> {
  const sessionId = change.sessionId.toLowerCase();
  const id = await redis.eval(
    APPEND,
    2,
    keys.log(channelKey, sessionId),
    keys.lastSequences(channelKey, sessionId),
    sessionId,
    change.messageId.toLowerCase(),
    String(change.sequence),
    JSON.stringify(change.message),
    keys.channel(channelKey),
    String(EVENT_LOG_MAX_EVENTS),
    String(EVENT_LOG_TTL_MS),
  );
  return typeof id === 'string' ? id : null;
}

/** Order of two positions (stream ids `<ms>-<n>`): negative when `a` is older. */
export function comparePositions(a: string, b: string): number {
  const [aMs = 0, aN = 0] = a.split('-').map(Number);
  const [bMs = 0, bN = 0] = b.split('-').map(Number);
  return aMs - bMs || aN - bN;
}

/** A position as a client may send it back (`Last-Event-ID`). */
export const POSITION_PATTERN = /^\d{1,15}-\d{1,10}$/;

export interface EventFeed {
  /**
   * Hear a session's events as they are announced. Resolves once this gateway is subscribed, so
   * a log read started afterwards misses nothing (an event is either in it or still to come).
   * Returns the function that stops listening. `onResume` is called when the subscriber connection
   * came back after losing Redis: what was announced meanwhile is in the log, to be read again.
   */
  listen(sessionId: string, onEvent: (event: LoggedEvent) => void, onResume?: () => void): Promise<() => void>;
  /** The session's logged events after `afterPosition` (all it keeps without one), oldest first. */
  read(sessionId: string, afterPosition?: string): Promise<LoggedEvent[]>;
  /** Aborted when the gateway stops: event streams and long polls end, so the stop is not held up. */
  readonly stopping: AbortSignal;
  /** End every stream and long poll (the gateway is stopping). */
  end(): void;
  close(): Promise<void>;
}

/**
 * The gateway's side of the log: one subscriber connection (opened on first use) for all the
 * sessions its clients follow, and reads on the command connection.
 */
export function createEventFeed(options: {
  redis: Redis;
  redisUrl: string;
  channelKey: string;
  onRedisError: RedisErrorHandler;
}): EventFeed {
  interface Listener {
    onEvent: (event: LoggedEvent) => void;
    onResume: (() => void) | undefined;
  }
  const listeners = new Map<string, Set<Listener>>();
  let subscriber: Redis | undefined;
  let subscribed: Promise<unknown> | undefined;
  const stopping = new AbortController();

  const dispatch = (_channel: string, text: string) => {
    // Every gateway hears every session's changes: the JSON is parsed only for a session followed here.
    const event = parseAnnouncement(text, (sessionId) => listeners.has(sessionId));
    if (!event) return;
    for (const listener of listeners.get(event.sessionId) ?? []) listener.onEvent(event);
  };
  const subscribe = () => {
    if (!subscribed) {
      subscriber = createRedis(options.redisUrl, options.onRedisError);
      subscriber.on('message', dispatch);
      // ioredis subscribes again by itself after a reconnect; announcements in between were missed.
      let connectedBefore = false;
      subscriber.on('ready', () => {
        if (connectedBefore) for (const set of listeners.values()) for (const listener of set) listener.onResume?.();
        connectedBefore = true;
      });
      subscribed = subscriber.subscribe(keys.channel(options.channelKey));
      // A failed first subscription is tried again by the next listener.
      subscribed.catch(() => {
        subscribed = undefined;
        void subscriber?.quit().catch(() => undefined);
      });
    }
    return subscribed;
  };

  return {
    async listen(sessionId, onEvent, onResume) {
      const id = sessionId.toLowerCase();
      await withTimeout(subscribe(), 'the event feed (Redis) did not answer');
      const set = listeners.get(id) ?? new Set();
      const listener = { onEvent, onResume };
      set.add(listener);
      listeners.set(id, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(id) === set) listeners.delete(id);
      };
    },

    async read(sessionId, afterPosition) {
      const id = sessionId.toLowerCase();
      const entries = await options.redis
        .xrange(keys.log(options.channelKey, id), afterPosition ? `(${afterPosition}` : '-', '+')
        .catch((error: unknown) => {
          throw new ServiceUnavailable('the event log (Redis) did not answer', error, 'redis');
        });
      return entries.flatMap(([position, fields]) => {
        const field = (name: string) => fields[fields.indexOf(name) + 1] ?? '';
        const event = parseEvent(position, id, field('m'), field('s'), field('d'));
        return event ? [event] : [];
      });
    },

    stopping: stopping.signal,
    end: () => stopping.abort(),

    async close() {
      stopping.abort();
      listeners.clear();
      await subscriber?.quit().catch(() => undefined);
    },
  };
}

function parseAnnouncement(text: string, wanted: (sessionId: string) => boolean): LoggedEvent | null {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 4; i += 1) {
    const end = text.indexOf('\n', from);
    if (end < 0) return null;
    parts.push(text.slice(from, end));
    from = end + 1;
  }
  const [position = '', sessionId = '', messageId = '', sequence = ''] = parts;
  if (!wanted(sessionId)) return null;
  return parseEvent(position, sessionId, messageId, sequence, text.slice(from));
}

function parseEvent(position: string, sessionId: string, messageId: string, sequence: string, data: string): LoggedEvent | null {
  try {
    return { position, sessionId, messageId, sequence: Number(sequence), message: JSON.parse(data) as unknown };
  } catch {
    return null;
  }
}

async function withTimeout<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailable(message, undefined, 'redis')), COMMAND_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
