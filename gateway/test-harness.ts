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

/** A signed-in user of the test system, with their own credential on every call. */
export interface TestUser {
  user: { id: string; org_id: string; email: string; role: string; [field: string]: unknown };
  token: string;
  refreshToken: string;
  /** `fetch` against the gateway as this user (an `authorization` header given here wins; `''` sends none). */
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** A Socket.IO client signed in as this user. */
  connect(): Promise<Socket>;
}

export interface TestAtelier extends Atelier, TestUser {
  url: string;
  dataDir: string;
  /** What it logged, one parsed JSON line each (kept when started with `{ captureLogs: true }`). */
  logs: LogLine[];
  /** The environment it was started with: another process given it joins the same system. */
  env: Record<string, string>;
  /** Another account on the same system (AUTH_REGISTRATION is open in tests unless a test says otherwise). */
  signUp(name?: string): Promise<TestUser>;
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

/** Limits no test meets by accident (the limiters and the quota still run on every request). */
const UNLIMITED: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_MAX_FAILURES: '1000000',
  LOGIN_MAX_FAILURES_PER_IP: '1000000',
  USER_DAILY_QUOTA: '1000000000',
  ORG_MONTHLY_QUOTA: '1000000000',
};

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
    AUTH_REGISTRATION: 'open',
    // Every test signs up and posts from one address as fast as it can: the limits are out of its
    // way unless it sets them (gateway/owasp/api4-resource-consumption.test.ts). They still count.
    ...UNLIMITED,
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
  const anonymous = (method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}) =>
    callApi(url, method, pathname, body, headers);
  const userOf = (tokens: ApiResponse['body']): TestUser => {
    const token = tokens.access_token as string;
    return {
      user: tokens.user,
      token,
      refreshToken: tokens.refresh_token as string,
      api: (method, pathname, body, headers = {}) => anonymous(method, pathname, body, withCredential(token, headers)),
      connect: async () => {
        const socket = await connectSocket(url, token);
        sockets.push(socket);
        return socket;
      },
    };
  };
  let accounts = 0;
  const signUp = async (name = `user${++accounts}`) => {
    const email = `${name}-${Math.random().toString(36).slice(2, 8)}@test.example`;
    const reply = await anonymous('POST', '/v1/auth/register', { email, password: 'correct horse battery staple', display_name: name });
    if (reply.status !== 201) throw new Error(`could not sign up ${email}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return userOf(reply.body);
  };
  // The first account: the instance's admin, whom the tests act as unless they sign up others.
  // Started again on the same database (a restart), it signs in to the account it made before.
  const ownerAccount = { email: 'owner@test.example', password: 'correct horse battery staple' };
  let ownerReply = await anonymous('POST', '/v1/auth/register', { ...ownerAccount, display_name: 'owner' });
  if (ownerReply.status === 409) ownerReply = await anonymous('POST', '/v1/auth/login', ownerAccount);
  if (ownerReply.status >= 300) throw new Error(`could not sign the owner in: ${ownerReply.status} ${JSON.stringify(ownerReply.body)}`);
  const owner = userOf(ownerReply.body);

  return {
    ...atelier,
    ...owner,
    url,
    dataDir,
    logs,
    env: { ...fullEnv, PUBLIC_URL: atelier.ctx.publicUrl },
    signUp,
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

/** `fetch` against the gateway, JSON in and out. */
export async function callApi(
  baseUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const response = await fetch(new URL(pathname, baseUrl), {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed };
}

/** `headers` with `Authorization: Bearer token`, unless they name their own (`''`: none at all). */
export function withCredential(token: string, headers: Record<string, string>): Record<string, string> {
  const own = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
  if (own === undefined) return { ...headers, authorization: `Bearer ${token}` };
  if (headers[own] !== '') return headers;
  const { [own]: _none, ...rest } = headers;
  return rest;
}

/** A Socket.IO client, connected with `token` in its handshake (or refused: the promise rejects). */
export async function connectSocket(url: string, token: string | undefined): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, ...(token !== undefined && { auth: { token } }) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
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
          if (mine.some((event) => event.status === 'DONE' || event.status === 'FAILED' || event.status === 'CANCELLED')) {
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
