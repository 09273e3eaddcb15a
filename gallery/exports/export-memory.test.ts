import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../shared/paths.js';
import { testRedisUrl } from '../../shared/testing/redis.js';

/**
 * Issue 9: "an export of 1,000 small images runs with bounded memory". The export bench runs in a
 * process whose heap is capped below what the images weigh together (1,000 noisy 256 px PNGs are
 * about 190 MB): an export that held its images, or its zip, in memory would die of it. The
 * figures it prints (the peaks) are in docs/performance.md; nothing here is timed.
 */

const HEAP_CAP_MB = 160;

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', projectPath('bench', 'export-memory.ts'), ...args], {
      cwd: projectPath(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        REDIS_URL: testRedisUrl(),
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('an export of 1,000 images', () => {
  it(`is built as a zip in a process whose heap is capped at ${HEAP_CAP_MB} MB, below what the images weigh`, { timeout: 600_000 }, async () => {
    const { code, output } = await run(['--images', '1000', '--side', '256', '--formats', 'zip']);
    expect(code, output).toBe(0);
    const stored = Number(/(\d+) MB stored/.exec(output)?.[1]);
    expect(stored).toBeGreaterThan(HEAP_CAP_MB);
    // The zip's row: its file holds every image, so it weighs about what they do.
    const zip = /^zip\s+[\d.]+ s\s+(\d+) MB\s+(\d+) MB \(\+\d+\)\s+(\d+) MB/m.exec(output);
    expect(zip, output).not.toBeNull();
    expect(Number(zip?.[1])).toBeGreaterThanOrEqual(stored - 1);
    expect(Number(zip?.[3])).toBeLessThan(HEAP_CAP_MB);
  });
});
