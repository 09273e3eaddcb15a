import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../shared/paths.js';
import { callApi, startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * The README's other snippets, pasted as a reader would (issue 10: "the realtime snippet uses names
 * it never defines"): the realtime example, the SDK in ten lines and the CLI in three, each run in
 * a process of its own against a running Atelier. Only what the README marks for the reader to
 * fill in is changed: the `'…'` token or password, the session id, the address.
 */

let atelier: TestAtelier;
let readme: string;
let scratch: string;

/** The first fenced block of `language` after `heading`. */
function snippet(heading: string, language: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!match?.[1]) throw new Error(`README.md: no ${language} block after ${heading}`);
  return match[1];
}

/** A child process whose output is collected, with a way to wait for a line that matches. */
function launch(command: string, args: string[], env: Record<string, string> = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(command, args, { cwd: projectPath(), env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    for (const wake of waiters.splice(0)) wake();
    resolve(code);
  }));
  const output = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const found = pattern.exec(stdout);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before ${pattern}: ${stdout}${stderr}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { child, exited, output, text: () => stdout, errors: () => stderr };
}

beforeAll(async () => {
  atelier = await startTestAtelier();
  readme = await readFile(projectPath('README.md'), 'utf8');
  // Inside the project, so the snippets' bare imports (socket.io-client) resolve as they would in a reader's app.
  await mkdir(projectPath('node_modules', '.cache'), { recursive: true });
  scratch = await mkdtemp(projectPath('node_modules', '.cache', 'readme-snippets-'));
});
afterAll(async () => {
  await atelier?.close();
  await rm(scratch, { recursive: true, force: true });
});

const host = () => new URL(atelier.url).host;

describe('the README snippets, pasted', () => {
  it('the realtime example: every stage of a message, the image, the gallery event', { timeout: 60_000 }, async () => {
    const { body: session } = await atelier.api('POST', '/api/v1/chat/sessions/', {});
    const code = snippet('### Realtime', 'js')
      .replace("const token = '…'", `const token = '${atelier.token}'`)
      .replace("const sessionId = '…'", `const sessionId = '${session.id as string}'`)
      .replaceAll('localhost:9999', host());
    expect(code, 'the placeholders the reader fills in').not.toContain("'…'");
    // What the reader would write next: say the subscription is on (the test then posts).
    const file = path.join(scratch, 'realtime.mjs');
    await writeFile(file, `${code}\nconsole.log('subscribed', JSON.stringify(ack));\n`);
    const run = launch(process.execPath, [file]);
    try {
      await run.output(/^subscribed (.*)$/m).then(([, ack]) => expect(JSON.parse(ack ?? '')).toEqual({ ok: true, session_id: session.id }));
      const { body: message } = await atelier.api('POST', `/api/v1/chat/sessions/${session.id as string}/messages/`, { content: 'a lighthouse at dusk' });
      const [, url] = await run.output(/^done 100 (http\S+)$/m);
      const [, galleryUrl] = await run.output(/^new in the gallery: (http\S+)$/m);
      const done = (await atelier.api('GET', `/api/v1/chat/sessions/${session.id as string}/messages/${message.id as string}/`)).body;
      expect(url).toBe(done.image_url);
      expect(new URL(galleryUrl ?? '').pathname).toBe(new URL(done.image_url as string).pathname);
      // The stages arrived in order, each once (the sequence check drops nothing that is new).
      const stages = run.text().split('\n').filter((line) => /^[a-z]+ \d+/.test(line)).map((line) => line.split(' ')[0]);
      expect(stages.at(-1)).toBe('done');
      expect(stages.filter((stage) => stage === 'done')).toHaveLength(1);
      expect(stages.length).toBeGreaterThanOrEqual(3);
    } finally {
      run.child.kill();
      await run.exited;
    }
  });

  it('the SDK in ten lines: a session, a prompt, its image URL printed when done', { timeout: 60_000 }, async () => {
    const code = snippet('## The SDK', 'ts');
    expect(code.trim().split('\n').length).toBeLessThanOrEqual(10);
    const file = path.join(scratch, 'sdk.mts');
    await writeFile(
      file,
      code
        .replace("'./client/index.js'", `'${pathToFileURL(projectPath('client', 'index.ts')).href}'`)
        .replace("const token = '…'", `const token = '${atelier.token}'`)
        .replaceAll('localhost:9999', host()),
    );
    const run = launch(process.execPath, ['--import', 'tsx', file]);
    const [, url] = await run.output(/^(http\S+)$/m);
    // It ends by itself: leaving the loop closes the follower and its socket.
    expect(await run.exited, run.errors()).toBe(0);
    const image = await fetch(url ?? '');
    expect(image.status).toBe(200);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBeGreaterThan(0);
    const sessions = (await atelier.api('GET', '/api/v1/chat/sessions/')).body.data as Array<{ title: string | null }>;
    expect(sessions.map((session) => session.title)).toContain('Forest at dawn');
  });

  it('the CLI in three lines, in the clone: signs in, writes forest.png at 1024×576, chats', { timeout: 90_000 }, async () => {
    const [login, generate, chat] = snippet('## The command line', 'sh').trim().split('\n') as [string, string, string];
    const email = `readme-cli-${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    expect((await callApi(atelier.url, 'POST', '/v1/auth/register/', { email, password })).status).toBe(201);
    const config = await mkdtemp(path.join(tmpdir(), 'atelier-readme-cli-'));
    // The reader's machine: in the clone (where `npx atelier` finds the project's own bin), this
    // Atelier at the README's address, the login kept in `config`. What the lines write in the
    // clone is removed after.
    const env = { ATELIER_URL: atelier.url, ATELIER_CONFIG_DIR: config };
    const written: string[] = [projectPath('forest.png')];
    const bash = (line: string, stdin = '') => {
      const run = launch('bash', ['-c', line], env);
      run.child.stdin.end(stdin);
      return run;
    };
    try {
      const signedIn = bash(login.replace("'…'", `'${password}'`).replace('you@example.com', email));
      expect(await signedIn.exited, signedIn.errors()).toBe(0);

      const made = bash(generate);
      expect(await made.exited, made.errors()).toBe(0);
      expect(await sharp(projectPath('forest.png')).metadata()).toMatchObject({ format: 'png', width: 1024, height: 576 });

      const talk = bash(chat, 'a red boat on a lake\n');
      const exited = await talk.exited;
      const saved = [...talk.text().matchAll(/^saved (.+)$/gm)].map(([, file]) => path.resolve(projectPath(), file ?? ''));
      written.push(...saved);
      expect(exited, talk.errors()).toBe(0);
      expect(saved, talk.text()).toHaveLength(1);
      expect((await sharp(saved[0] ?? '').metadata()).format).toBe('png');
    } finally {
      await Promise.all([config, ...written].map((file) => rm(file, { recursive: true, force: true })));
    }
  });
});
