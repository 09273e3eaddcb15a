import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, projectPath } from '../shared/paths.js';

/**
 * The Dockerfile kept in step with the code (there is no Docker engine here to build it): the
 * build stage copies every folder the compiled gateway is made from, and the runtime stage every
 * folder the running process reads files from (the migrations, the web app it bundles at start).
 * A folder added to the code and not to the Dockerfile fails here, not on an operator's build.
 */

const run = promisify(execFile);

async function dockerfile(): Promise<{ build: string[]; runtime: string[] }> {
  const text = await readFile(projectPath('Dockerfile'), 'utf8');
  const [build = '', runtime = ''] = text.split(/^FROM .*$/m).slice(1);
  const copied = (stage: string) =>
    [...stage.matchAll(/^COPY (?:--from=\w+ )?(\S+) /gm)].map(([, source]) => (source ?? '').replace(/^\/app\//, '').replace(/\/$/, ''));
  return { build: copied(build), runtime: copied(runtime) };
}

describe('the Dockerfile', () => {
  it('copies into the build every top-level folder the compiled gateway is made from', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, [projectPath('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--listFilesOnly'], {
      cwd: PROJECT_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const folders = new Set(
      stdout
        .split('\n')
        .map((file) => path.relative(PROJECT_ROOT, file.trim()))
        .filter((file) => file && !file.startsWith('node_modules') && !file.startsWith('..') && file.includes(path.sep))
        .map((file) => file.split(path.sep)[0] as string),
    );
    expect(folders.size).toBeGreaterThan(5);
    const { build } = await dockerfile();
    expect([...folders].filter((folder) => !build.includes(folder))).toEqual([]);
  });

  it('copies into the image every migrations folder, and the web app the start bundles', async () => {
    const { build, runtime } = await dockerfile();
    const migrations: string[] = [];
    for (const folder of build) {
      const entries = await readdir(projectPath(folder), { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (entry.isDirectory() && entry.name === 'migrations') migrations.push(path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)));
      }
    }
    expect(migrations.length).toBeGreaterThan(3);
    expect([...migrations, 'web', 'client'].filter((folder) => !runtime.includes(folder))).toEqual([]);
  });
});
