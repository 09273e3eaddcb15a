import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../shared/paths.js';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { deleteKeysWithPrefix, testRedisUrl, uniquePrefix } from '../shared/testing/redis.js';
import { startTcpProxy } from '../shared/testing/tcp-proxy.js';

/**
 * Atelier as an operator runs it: a real process started the way `npm start` starts it, on its
 * embedded defaults (PGlite and its own redis-server in DATA_DIR), stopped with Ctrl-C (SIGINT to
 * the whole process group), SIGTERM or SIGKILL, and started again on the same data.
 */

const IMAGE_MODEL = 'gemini-2.5-flash-image';

interface Running {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const folders: string[] = [];
/** Queue prefixes used on the shared test Redis, removed at the end. */
const prefixes: string[] = [];
const sharedPrefix = () => {
  const prefix = uniquePrefix('lifecycle');
  prefixes.push(prefix);
  return prefix;
};
let gemini: FakeGemini;

beforeAll(async () => {
  gemini = await startFakeGemini();
});
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
});
afterAll(async () => {
  await gemini?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
  for (const prefix of prefixes) await deleteKeysWithPrefix(prefix);
});

async function dataDir(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'atelier-lifecycle-'));
  folders.push(folder);
  return folder;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Atelier in a process of its own, in its own process group (as a terminal runs a command), with
 * only the environment given: no DATABASE_URL or REDIS_URL means the embedded defaults. With
 * `npm: true` it is started by `npm start` itself. Resolves once it listens.
 */
async function spawnAtelier(env: Record<string, string>, options: { npm?: boolean; waitForBanner?: boolean } = {}): Promise<Running> {
  const port = env.PORT ?? String(await freePort());
  const command = options.npm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', projectPath('gateway', 'main.ts')]];
  const child = spawn(command[0] as string, command[1] as string[], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: port, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (options.waitForBanner !== false) {
    await new Promise<void>((resolve, reject) => {
      const check = () => (output.includes('listening on') ? resolve() : undefined);
      child.stdout?.on('data', check);
      void exited.then((code) => reject(new Error(`Atelier exited (${code}) before it started:\n${output}`)));
    });
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function api<T = Record<string, unknown>>(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const { pathname, origin } = new URL(url);
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (pathname !== '/health' && pathname !== '/ready') headers.authorization = `Bearer ${await tokenFor(origin)}`;
  const reply = await fetch(url, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await reply.text();
  return { status: reply.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The operator's account on a running Atelier: signed in again after a restart on the same data, made on a new one. */
const tokens = new Map<string, string>();
const OPERATOR = { email: 'operator@lifecycle.test', password: 'correct horse battery staple' };
async function tokenFor(origin: string): Promise<string> {
  const known = tokens.get(origin);
  if (known) return known;
  const send = (route: string) =>
    fetch(`${origin}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPERATOR) });
  let reply = await send('/v1/auth/login');
  if (reply.status === 401) reply = await send('/v1/auth/register');
  const { access_token: token } = (await reply.json()) as { access_token: string };
  tokens.set(origin, token);
  return token;
}

const geminiImages = () => ({ GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: gemini.url, PROMPT_PROVIDER: 'offline', IMAGE_PROVIDER: 'gemini' });

/** Post one message into a new session; its image is held by the fake until `release`. */
async function heldMessage(atelier: Running): Promise<{ session: string; message: string; release: () => void }> {
  let release: () => void = () => {};
  gemini.script(IMAGE_MODEL, { hold: new Promise<void>((resolve) => (release = resolve)) });
  const seen = gemini.requests.length;
  const session = (await api<{ id: string }>(`${atelier.url}/api/v1/chat/sessions/`, 'POST', {})).body.id;
  const message = (await api<{ id: string }>(`${atelier.url}/api/v1/chat/sessions/${session}/messages/`, 'POST', { content: 'a lighthouse' })).body.id;
  await gemini.waitForRequest((request) => request.model === IMAGE_MODEL && gemini.requests.indexOf(request) >= seen);
  return { session, message, release };
}

async function statusOf(atelier: Running, session: string, message: string): Promise<unknown> {
  return (await api<{ status: string }>(`${atelier.url}/api/v1/chat/sessions/${session}/messages/${message}/`)).body.status;
}

describe('Ctrl-C while a message is in flight', () => {
  it('finishes the running job on its own Redis, exits 0, and the message is DONE after a restart', { timeout: 90_000 }, async () => {
    const folder = await dataDir();
    const first = await spawnAtelier({ DATA_DIR: folder, ...geminiImages() });
    const { session, message, release } = await heldMessage(first);

    // The terminal's Ctrl-C: SIGINT to the whole foreground process group.
    process.kill(-(first.child.pid as number), 'SIGINT');
    await expect.poll(() => first.output()).toMatch(/stopping: no new requests/);
    release();
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toMatch(/ioredis|Connection is closed|Unhandled/i);

    // Its last step (filing it in the gallery) was queued as the workers stopped: it runs now.
    const second = await spawnAtelier({ DATA_DIR: folder, ...geminiImages() });
    await expect.poll(() => statusOf(second, session, message), { timeout: 20_000 }).toBe('DONE');
    process.kill(-(second.child.pid as number), 'SIGINT');
    expect(await second.exited).toBe(0);
  });
});

describe('a crash (SIGKILL) and a restart on the same data', () => {
  it('takes the lock over, removes half-written files, and resumes the dead process\'s running job at once', { timeout: 90_000 }, async () => {
    const folder = await dataDir();
    // A job lock of ten minutes: the job can only be resumed so soon by being taken back at start.
    const env = { DATA_DIR: folder, JOB_LOCK_MS: '600000', ...geminiImages() };
    const first = await spawnAtelier(env);
    const { session, message } = await heldMessage(first);
    process.kill(first.child.pid as number, 'SIGKILL');
    await first.exited;

    const leftover = path.join(folder, 'media', 'users', 'local', 'half.png.0123.tmp');
    await mkdir(path.dirname(leftover), { recursive: true });
    await writeFile(leftover, 'half a file');

    // The fake answers the image call normally this time.
    const second = await spawnAtelier(env);
    await expect.poll(() => statusOf(second, session, message), { timeout: 30_000 }).toBe('DONE');
    await expect.poll(() => readdir(path.dirname(leftover))).not.toContain('half.png.0123.tmp');
    expect(second.output()).toMatch(/took back the jobs a stopped process left running/);
    process.kill(-(second.child.pid as number), 'SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('two processes on one DATA_DIR', () => {
  it('refuses the second with a message naming the first, and lets it start once the first is gone', { timeout: 60_000 }, async () => {
    const folder = await dataDir();
    const first = await spawnAtelier({ DATA_DIR: folder });
    const second = await spawnAtelier({ DATA_DIR: folder }, { waitForBanner: false });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`DATA_DIR .* is in use by another Atelier \\(pid ${first.child.pid}`));

    process.kill(-(first.child.pid as number), 'SIGTERM');
    expect(await first.exited).toBe(0);
    const third = await spawnAtelier({ DATA_DIR: folder });
    expect((await api(`${third.url}/health`)).status).toBe(200);
    process.kill(-(third.child.pid as number), 'SIGTERM');
    expect(await third.exited).toBe(0);
  });
});

describe('SIGTERM under keep-alive load', () => {
  it('answers what it is asked with Connection: close, drops no request, and exits 0', { timeout: 60_000 }, async () => {
    const atelier = await spawnAtelier({ DATA_DIR: await dataDir() });
    const session = (await api<{ id: string }>(`${atelier.url}/api/v1/chat/sessions/`, 'POST', {})).body.id;
    const token = await tokenFor(atelier.url);
    const outcomes: string[] = [];
    const client = (async () => {
      // One keep-alive connection (Node's fetch pools it), requests back to back, until refused.
      for (;;) {
        try {
          const reply = await fetch(`${atelier.url}/api/v1/chat/sessions/${session}/messages/`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ content: 'hello' }),
          });
          await reply.text();
          outcomes.push(`${reply.status} ${reply.headers.get('connection') ?? ''}`);
        } catch (error) {
          const code = String((error as { cause?: { code?: string } }).cause?.code ?? error);
          outcomes.push(`error ${code}`);
          if (code === 'ECONNREFUSED') return;
        }
      }
    })();
    // Waits for the client to be under way (as long as a loaded machine needs), then stops the server.
    await expect.poll(() => outcomes.length, { timeout: 30_000 }).toBeGreaterThan(20);
    process.kill(atelier.child.pid as number, 'SIGTERM');
    await client;
    expect(await atelier.exited).toBe(0);

    // Every request was answered until the server stopped listening; none was cut off.
    expect(outcomes.filter((outcome) => outcome.startsWith('error'))).toEqual(['error ECONNREFUSED']);
    // From the first answer of the stop on, every answer told the client to go elsewhere.
    const stopping = outcomes.findIndex((outcome) => outcome.endsWith(' close'));
    expect(stopping).toBeGreaterThan(0);
    for (const outcome of outcomes.slice(stopping, -1)) expect(outcome).toMatch(/^(202|503) close$/);
  });

  it('SIGTERM to `npm start` itself stops Atelier and frees the port', { timeout: 60_000 }, async () => {
    const atelier = await spawnAtelier({ DATA_DIR: await dataDir() }, { npm: true });
    expect((await api(`${atelier.url}/health`)).status).toBe(200);
    process.kill(atelier.child.pid as number, 'SIGTERM'); // npm's own pid, not its group
    await atelier.exited;
    await expect.poll(() => fetch(`${atelier.url}/health`).then(() => 'listening', () => 'closed'), { timeout: 15_000 }).toBe('closed');
  });
});

describe('starting', () => {
  it('is alive but not ready while it waits for Redis, then ready without a restart', { timeout: 60_000 }, async () => {
    const redis = new URL(testRedisUrl());
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    await proxy.cut();
    try {
      const port = String(await freePort());
      const atelier = await spawnAtelier(
        { DATA_DIR: await dataDir(), PORT: port, REDIS_URL: `redis://127.0.0.1:${proxy.port}`, START_TIMEOUT_MS: '60000', QUEUE_PREFIX: sharedPrefix() },
        { waitForBanner: false },
      );
      await expect.poll(() => fetch(`${atelier.url}/health`).then((reply) => reply.status, () => 0), { timeout: 30_000 }).toBe(200);
      const sessions = await fetch(`${atelier.url}/api/v1/chat/sessions/`);
      expect(sessions.status).toBe(503);
      expect(sessions.headers.get('retry-after')).toBe('1');
      expect(((await sessions.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'service_unavailable',
        message: expect.stringMatching(/starting/),
      });
      expect((await api(`${atelier.url}/ready`)).body).toMatchObject({ status: 'starting' });

      await proxy.restore();
      await expect.poll(() => fetch(`${atelier.url}/ready`).then((reply) => reply.status), { timeout: 30_000 }).toBe(200);
      expect((await api(`${atelier.url}/api/v1/chat/sessions/`)).status).toBe(200);
      process.kill(-(atelier.child.pid as number), 'SIGTERM');
      expect(await atelier.exited).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('stops with a message naming REDIS_URL when Redis never answers', { timeout: 60_000 }, async () => {
    const deadPort = await freePort();
    const atelier = await spawnAtelier(
      { DATA_DIR: await dataDir(), REDIS_URL: `redis://127.0.0.1:${deadPort}`, START_TIMEOUT_MS: '1500' },
      { waitForBanner: false },
    );
    expect(await atelier.exited).toBe(1);
    expect(atelier.output()).toMatch(new RegExp(`Atelier could not start: Redis at REDIS_URL redis://127\\.0\\.0\\.1:${deadPort}/? did not answer`));
    expect(atelier.output()).not.toMatch(/Unhandled error event|\n\s+at /);
  });
});

describe('temporary files on a shared media folder', () => {
  it('are left alone while young (another worker may be writing them) and removed once stale', { timeout: 90_000 }, async () => {
    const folder = await dataDir();
    const users = path.join(folder, 'media', 'users', 'local');
    await mkdir(users, { recursive: true });
    const stale = path.join(users, 'a.png.1111.tmp');
    const fresh = path.join(users, 'b.png.2222.tmp');
    await writeFile(stale, 'x');
    await writeFile(fresh, 'y');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(stale, hourAgo, hourAgo);
    // A server Redis: this process does not own the folder alone.
    const atelier = await spawnAtelier({ DATA_DIR: folder, REDIS_URL: testRedisUrl(), QUEUE_PREFIX: sharedPrefix() });
    await expect.poll(() => readdir(users)).toEqual(['b.png.2222.tmp']);
    process.kill(-(atelier.child.pid as number), 'SIGTERM');
    expect(await atelier.exited).toBe(0);
  });
});
