import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectPath } from '../shared/paths.js';
import { lastUserText, startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * A worker process killed with SIGKILL in the middle of a stage: its job's lock runs out, another
 * worker takes the job up again (BullMQ's stalled-job check), and the message still ends DONE,
 * with exactly one gallery row and one stored file. The gateway runs here; the workers are real
 * separate processes, so this needs a Postgres server both can reach.
 */

const IMAGE_MODEL = 'gemini-2.5-flash-image';
const hasPostgresServer = inject('databaseUrl') !== null;

if (!hasPostgresServer) {
  console.info('[atelier] the worker-crash test is SKIPPED: it needs a Postgres server (DATABASE_URL) shared by two processes');
  describe.skip('a worker killed mid-stage — skipped: it needs a Postgres server (DATABASE_URL) shared by two processes', () => {
    it('finishes the message on another worker', () => {});
  });
} else {
  let gemini: FakeGemini;
  let atelier: TestAtelier;
  const workers: ChildProcess[] = [];

  /** A worker process, as `ATELIER_ROLES=worker npm start` runs one; resolves once it has started. */
  async function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('gateway', 'main.ts')], {
      cwd: projectPath(),
      env: { ...atelier.env, ATELIER_ROLES: 'worker', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    workers.push(child);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Atelier') && output.includes('worker')) resolve();
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it started:\n${output}`)));
    });
    return child;
  }

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

  beforeAll(async () => {
    gemini = await startFakeGemini();
    atelier = await startTestAtelier({
      ATELIER_ROLES: 'gateway',
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: gemini.url,
      PROMPT_PROVIDER: 'offline',
      IMAGE_PROVIDER: 'gemini',
      JOB_LOCK_MS: '1000',
    });
  });

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await Promise.all(workers.map(exited));
    await atelier?.close();
    await gemini?.close();
  });

  describe('a worker killed mid-stage', () => {
    it('finishes the message on another worker, with one gallery row and one stored file', { timeout: 90_000 }, async () => {
      const socket = await atelier.connect();
      const events = recordMessageEvents(socket);
      const sessionId = (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
      expect(await socket.emitWithAck('subscribe', { session_id: sessionId })).toMatchObject({ ok: true });

      // The first image call is held open: the worker is in the middle of the image stage.
      gemini.script(IMAGE_MODEL, { hold: new Promise<void>(() => {}) });
      const first = await startWorker();
      const posted = await atelier.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content: 'a castle on a hill' });
      expect(posted.status).toBe(202);
      const isCastle = (request: { model: string | undefined; body: Parameters<typeof lastUserText>[0] }) =>
        request.model === IMAGE_MODEL && lastUserText(request.body).includes('castle on a hill');
      await gemini.waitForRequest(isCastle);

      first.kill('SIGKILL');
      await exited(first);
      await startWorker();

      const history = await events.untilFinal(posted.body.id);
      expect(history.at(-1)).toMatchObject({ status: 'DONE', error: null });
      expect(gemini.requests.filter(isCastle)).toHaveLength(2);

      const rows = (await atelier.api('GET', '/v1/gallery/?limit=100')).body.data.filter(
        (row: { message_id: string }) => row.message_id === posted.body.id,
      );
      expect(rows).toHaveLength(1);
      // One image, with its thumbnail.
      expect((await readdir(path.join(atelier.dataDir, 'media', 'users', atelier.user.id))).sort()).toEqual([
        `${rows[0].id}.png`,
        `${rows[0].id}.thumb.webp`,
      ]);
    });
  });
}
