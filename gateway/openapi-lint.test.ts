import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../shared/paths.js';
import { startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * The served documents as third-party tools read them: `@redocly/cli lint` of `/openapi.json`
 * and `/asyncapi.json` with the committed `redocly.yaml` (each rule turned off there says why)
 * must find no errors. Warnings are allowed, and printed.
 */

const run = promisify(execFile);

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: Array<{ pointer?: string }>;
}

let atelier: TestAtelier;
let dir: string;

beforeAll(async () => {
  atelier = await startTestAtelier();
  dir = await mkdtemp(path.join(tmpdir(), 'atelier-lint-'));
});
afterAll(async () => {
  await atelier?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Redocly's report on one served document, read as JSON (the exit code says only "errors or not"). */
async function lint(documentPath: string): Promise<LintProblem[]> {
  const report = path.join(dir, `${path.basename(documentPath)}.report.json`);
  const cli = projectPath('node_modules/@redocly/cli/bin/cli.js');
  await run(process.execPath, [cli, 'lint', documentPath, '--config', projectPath('redocly.yaml'), '--format', 'json'], {
    cwd: dir,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    // No telemetry and no update check: the lint runs offline.
    env: { PATH: process.env.PATH ?? '', HOME: dir, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  }).then(
    ({ stdout }) => writeFile(report, stdout),
    async (error: { stdout?: string; stderr?: string }) => {
      // Exit code 1 means "problems found"; the JSON report is on stdout all the same.
      if (!error.stdout?.trim().startsWith('{')) throw new Error(`redocly lint did not run: ${error.stderr ?? String(error)}`);
      await writeFile(report, error.stdout);
    },
  );
  const parsed = JSON.parse(await readFile(report, 'utf8')) as { problems: LintProblem[] };
  return parsed.problems;
}

function describeProblem(problem: LintProblem): string {
  return `${problem.severity} ${problem.ruleId} at ${problem.location?.[0]?.pointer ?? '?'}: ${problem.message}`;
}

describe('redocly lint of the served documents', () => {
  it.each(['/openapi.json', '/asyncapi.json'])('%s has no errors', { timeout: 90_000 }, async (served) => {
    const file = path.join(dir, served.slice(1));
    await writeFile(file, JSON.stringify(await (await fetch(new URL(served, atelier.url))).json(), null, 2));
    const problems = await lint(file);
    const errors = problems.filter((problem) => problem.severity === 'error');
    const warnings = problems.filter((problem) => problem.severity === 'warn');
    if (warnings.length > 0) console.info(`redocly lint ${served}: ${warnings.length} warnings\n${warnings.map(describeProblem).join('\n')}`);
    expect(errors.map(describeProblem)).toEqual([]);
  });
});
