import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { loadConfig } from '../shared/config.js';
import { createLogger } from '../shared/logger.js';
import { testMongoDatabaseUrl } from '../shared/testing/mongo.js';
import { createTestDatabaseUrl } from '../shared/testing/postgres.js';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '../shared/testing/redis.js';
import { startAtelier, type Atelier, type StartOptions } from './system.js';

export interface TestAtelier extends Atelier {
  url: string;
  dataDir: string;
  /** What it logged, one parsed JSON line each (kept when started with `{ captureLogs: true }`). */
  logs: LogLine[];
  /** The environment it was started with: another process given it joins the same system. */
  env: Record<string, string>;
  /** `fetch` against the gateway, JSON in and out. */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  connect(): Promise<Socket>;
  close(): Promise<void>;
}

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read whatever the endpoint answers; each test asserts the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * The whole system in this process, as `npm start` runs it, on a random port: the machine's
 * Redis (own queue prefix) and Postgres (own database) when the tests have them, PGlite in a
 * temporary data folder otherwise; and conversations in MongoDB (own database) whenever the tests
 * have one, so every end-to-end behaviour is proven on both stores.
 */
export async function startTestAtelier(
  env: Record<string, string> = {},
  options: Partial<StartOptions> & { captureLogs?: boolean } = {},
): Promise<TestAtelier> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-test-'));
  const database = await createTestDatabaseUrl();
  const mongo = testMongoDatabaseUrl();
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: uniquePrefix('e2e'),
    JOB_BACKOFF_MS: '50',
    LOG_LEVEL: 'silent',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(mongo ? { MONGO_URL: mongo.url } : {}),
    ...env,
  };
  const { captureLogs, ...startOptions } = options;
  const logs: LogLine[] = [];
  const config = loadConfig(captureLogs ? { ...fullEnv, LOG_LEVEL: 'info' } : fullEnv);
  const destination = captureLogs ? { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) } : undefined;
  const atelier = await startAtelier(config, createLogger({ level: config.logLevel, ...(destination && { destination }) }), {
    version: 'test',
    recovery: false,
    ...startOptions,
  });
  const url = atelier.url;
  if (!url) throw new Error('the test system has no gateway');
  const sockets: Socket[] = [];

  return {
    ...atelier,
    url,
    dataDir,
    logs,
    env: { ...fullEnv, PUBLIC_URL: atelier.ctx.publicUrl },
    api: async (method, pathname, body, headers = {}) => {
      const response = await fetch(new URL(pathname, url), {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: response.status, headers: response.headers, body: parsed };
    },
    connect: async () => {
      const socket = io(url, { transports: ['websocket'], forceNew: true });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    close: async () => {
      for (const socket of sockets) socket.disconnect();
      await atelier.stop();
      await deleteKeysWithPrefix(fullEnv.QUEUE_PREFIX as string);
      await database?.drop();
      await mongo?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every `message.updated` a socket receives. Start it before posting: the first events
 * can arrive before the 202 that tells the message id.
 */
export function recordMessageEvents(socket: Socket): {
  /** The events of one message, once it is DONE or FAILED (after `afterSequence`, when given). */
  untilFinal(messageId: string, afterSequence?: number): Promise<MessageEvent[]>;
  all: MessageEvent[];
} {
  const all: MessageEvent[] = [];
  const waiting = new Set<() => void>();
  socket.on('message.updated', (event: MessageEvent) => {
    all.push(event);
    for (const check of waiting) check();
  });
  return {
    all,
    untilFinal: (messageId, afterSequence = 0) =>
      new Promise((resolve) => {
        const check = () => {
          const mine = all.filter((event) => event.id === messageId && event.sequence > afterSequence);
          if (mine.some((event) => event.status === 'DONE' || event.status === 'FAILED')) {
            waiting.delete(check);
            resolve(mine);
          }
        };
        waiting.add(check);
        check();
      }),
  };
}

export interface MessageEvent {
  id: string;
  status: string;
  stage: string;
  sequence: number;
  [key: string]: unknown;
}
