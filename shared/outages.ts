import type { Logger } from './logger.js';

/** The parts of our own infrastructure whose outage a request or a stage can meet. */
export type Dependency = 'database' | 'redis' | 'mongodb';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ENOTCONN',
]);

// SQLSTATE: 08 connection exceptions; 57P01–57P03 the server shutting down, crashed or starting;
// 53300 too many connections.
const POSTGRES_OUTAGE = /^(08...|57P0[123]|53300)$/;
const PG_CLIENT_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not open|PGlite is closed/i;
const MONGO_OUTAGE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
]);
const REDIS_MESSAGES =
  /Connection is closed|Stream isn't writeable|Reached the max retries per request|Command timed out/i;

/**
 * Which of our dependencies an error says is not answering, or undefined when it is something
 * else (a bug, a constraint, bad data). Looks through `cause` chains: drizzle wraps the driver's
 * error in its own. The decision is made from error codes and names, never from what a client
 * could put in a message.
 */
export function outageOf(error: unknown): Dependency | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, code, message, cause } = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    const text = typeof message === 'string' ? message : '';
    if (typeof name === 'string' && MONGO_OUTAGE_NAMES.has(name)) return 'mongodb';
    if (name === 'MaxRetriesPerRequestError' || (REDIS_MESSAGES.test(text) && !isPostgresError(current))) return 'redis';
    if (typeof code === 'string' && POSTGRES_OUTAGE.test(code) && isPostgresError(current)) return 'database';
    if (PG_CLIENT_MESSAGES.test(text)) return 'database';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return dependencyOfSocket(current) ?? 'database';
    current = cause;
  }
  return undefined;
}

/** A pg DatabaseError carries a SQLSTATE `code` with `severity`; a socket error does not. */
function isPostgresError(error: object): boolean {
  return 'severity' in error || 'routine' in error;
}

/** A socket error says which port it failed on; Redis's is 6379 unless configured otherwise. */
function dependencyOfSocket(error: object): Dependency | undefined {
  const port = (error as { port?: unknown }).port;
  if (port === 6379) return 'redis';
  if (port === 27017) return 'mongodb';
  return undefined;
}

const NAMES: Record<Dependency, string> = { database: 'the database', redis: 'Redis', mongodb: 'MongoDB' };

/** A sentence for clients: which part is down, never the query, the address or the stack. */
export function outageMessage(dependency: Dependency): string {
  return `${NAMES[dependency]} is not answering; try again shortly`;
}

/**
 * Logs one line when a dependency stops answering and one when it answers again, however many
 * commands fail in between. While a dependency is down it is probed every `probeIntervalMs`
 * (default 1 s) until it answers.
 */
export interface OutageMonitor {
  /** A call to `dependency` failed with `error` because it is not answering. */
  report(dependency: Dependency, error: unknown): void;
  /**
   * Report `error` when it says a dependency is not answering (see {@link outageOf}); false when
   * it says something else, for the caller to log as it sees fit.
   */
  observe(error: unknown): boolean;
  close(): void;
}

export function createOutageMonitor(
  logger: Logger,
  probes: Partial<Record<Dependency, () => Promise<unknown>>>,
  options: { probeIntervalMs?: number } = {},
): OutageMonitor {
  const down = new Map<Dependency, { since: number; timer: NodeJS.Timeout | undefined }>();
  const interval = options.probeIntervalMs ?? 1000;
  let closed = false;

  const probe = (dependency: Dependency) => {
    const state = down.get(dependency);
    const check = probes[dependency];
    if (!state || !check || closed) return;
    state.timer = setTimeout(() => {
      check().then(
        () => {
          down.delete(dependency);
          logger.info({ dependency, downMs: Date.now() - state.since }, `${NAMES[dependency]} is answering again`);
        },
        () => probe(dependency),
      );
    }, interval);
    state.timer.unref();
  };

  const report = (dependency: Dependency, error: unknown) => {
    if (closed || down.has(dependency)) return;
    down.set(dependency, { since: Date.now(), timer: undefined });
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.warn({ dependency, reason: reason.slice(0, 300) }, `${NAMES[dependency]} is not answering; requests that need it get 503 until it is back`);
    probe(dependency);
  };

  return {
    report,
    observe(error) {
      const dependency = outageOf(error);
      if (dependency) report(dependency, error);
      return dependency !== undefined;
    },
    close() {
      closed = true;
      for (const state of down.values()) clearTimeout(state.timer);
    },
  };
}
