import { spawn, type ChildProcess } from 'node:child_process';
import { projectPath } from '../shared/paths.js';

/** Settings that take the rate limits and quotas out of a benchmark's way (their own cost stays). */
export const UNLIMITED = { RATE_LIMIT_PER_MINUTE: '1000000', USER_DAILY_QUOTA: '1000000000', ORG_MONTHLY_QUOTA: '1000000000' };

/** A server under test in its own process, so the load generator never shares its event loop. */
export interface Child {
  url: string;
  /** Whatever else the server printed on its READY line. */
  extra: string[];
  stop(): Promise<void>;
}

export async function startChild(script: string, env: Record<string, string | undefined>): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', projectPath('bench', 'servers', script)], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url, ...extra] = await new Promise<string[]>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /READY ([^\n]+)\n/.exec(buffered);
      if (match?.[1]) resolve(match[1].trim().split(/\s+/));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  child.stdout?.resume();
  return {
    url: url ?? '',
    extra,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
