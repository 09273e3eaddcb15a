import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAtelier, type TestAtelier, type TestUser } from '../gateway/test-harness.js';
import { projectPath } from '../shared/paths.js';

/**
 * The command-line client run as a person runs it (issue 10, "A command-line client"): the
 * `atelier` binary in a child process, against the app running in this one, its config in a
 * temporary directory.
 */

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('the atelier command', () => {
  let atelier: TestAtelier;
  let user: TestUser;
  let home: string;
  let work: string;

  beforeAll(async () => {
    atelier = await startTestAtelier();
    user = await atelier.signUp('cli');
    home = await mkdtemp(path.join(tmpdir(), 'atelier-cli-config-'));
    work = await mkdtemp(path.join(tmpdir(), 'atelier-cli-work-'));
  });
  afterAll(async () => {
    await atelier?.close();
    await rm(home, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  const run = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [projectPath('cli', 'bin.mjs'), ...args], {
        cwd: work,
        env: { PATH: process.env.PATH ?? '', HOME: home, ATELIER_CONFIG_DIR: home, ATELIER_URL: atelier.url, ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end(options.stdin ?? '');
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
  const json = (result: Run) => JSON.parse(result.stdout) as Record<string, any>;

  it('refuses to work before `atelier login` (exit 3), then signs in and keeps the token for the user only', async () => {
    const before = await run(['gallery', 'ls']);
    expect(before.code).toBe(3);
    expect(before.stderr).toMatch(/not signed in: run `atelier login`/);

    const wrong = await run(['login', '--email', user.user.email], { env: { ATELIER_PASSWORD: 'not the password' } });
    expect(wrong.code).toBe(3);

    const signedIn = await run(['--json', 'login', '--email', user.user.email], { env: { ATELIER_PASSWORD: 'correct horse battery staple' } });
    expect(signedIn.code, signedIn.stderr).toBe(0);
    expect(json(signedIn).user.email).toBe(user.user.email);
    const config = path.join(home, 'config.json');
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(config, 'utf8'))).toMatchObject({ url: atelier.url, token: expect.any(String) });
  });

  it('generates "a forest at dawn" at 1024x576 into forest.png, showing the stages as they go', async () => {
    const result = await run(['generate', 'a forest at dawn', '--size', '1024x576', '--out', 'forest.png']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('forest.png');
    // Not a terminal: a line per stage, from the realtime events.
    expect(result.stderr).toMatch(/^queued 0%/m);
    expect(result.stderr).toMatch(/^generating \d+%/m);
    const image = await sharp(path.join(work, 'forest.png')).metadata();
    expect([image.format, image.width, image.height]).toEqual(['png', 1024, 576]);
  });

  it('manages the gallery: ls, search, get --out, rm, the trash, restore, export, each with --json', async () => {
    const listed = json(await run(['--json', 'gallery', 'ls', '--q', 'forest']));
    const forest = listed.data.find((image: { prompt: string }) => image.prompt === 'a forest at dawn');
    expect(forest).toBeDefined();

    const got = await run(['gallery', 'get', forest.id, '--out', 'again.png']);
    expect(got.code).toBe(0);
    expect(got.stdout).toContain('a forest at dawn');
    expect((await sharp(path.join(work, 'again.png')).metadata()).width).toBe(1024);

    expect((await run(['gallery', 'rm', forest.id])).code).toBe(0);
    expect(json(await run(['--json', 'gallery', 'ls', '--trash'])).data.map((image: { id: string }) => image.id)).toContain(forest.id);
    expect((await run(['gallery', 'restore', forest.id])).code).toBe(0);
    expect(json(await run(['--json', 'gallery', 'ls'])).data.map((image: { id: string }) => image.id)).toContain(forest.id);

    const exported = await run(['--json', 'gallery', 'export', forest.id, '--format', 'zip', '--out', 'forest.zip']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(json(exported).export.status).toBe('done');
    expect((await readFile(path.join(work, 'forest.zip'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('chats: each line a message of one session, each image saved as it comes and its path printed', async () => {
    const result = await run(['chat'], { stdin: 'Create a lighthouse at night\nMake it warmer\n' });
    expect(result.code, result.stderr).toBe(0);
    const saved = [...result.stdout.matchAll(/^saved (.+)$/gm)].map((match) => match[1] as string);
    expect(saved).toHaveLength(2);
    for (const file of saved) expect((await stat(path.join(work, file))).size).toBeGreaterThan(0);
  });

  it('says what went wrong with clear exit codes: 2 for a bad command line, 1 for a refusal, 5 when Atelier is unreachable', async () => {
    const badSize = await run(['generate', 'a kite', '--size', 'big']);
    expect(badSize.code).toBe(2);
    expect(badSize.stderr).toMatch(/--size must be WIDTHxHEIGHT/);
    expect((await run(['frobnicate'])).code).toBe(2);

    const missing = await run(['--json', 'gallery', 'get', '01950000-0000-7000-8000-000000000000']);
    expect(missing.code).toBe(1);
    expect(json(missing).error.details).toMatchObject({ status: 404, code: 'not_found' });

    const away = await run(['gallery', 'ls'], { env: { ATELIER_URL: 'http://127.0.0.1:9' } });
    expect(away.code).toBe(5);
    expect(away.stderr).toMatch(/cannot reach Atelier at http:\/\/127\.0\.0\.1:9/);
  });
});
