import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/** Raised when another live Atelier holds the data folder. */
export class DataDirLocked extends Error {
  override readonly name = 'DataDirLocked';
}

interface Owner {
  pid: number;
  host: string;
  startedAt: string;
}

/**
 * The embedded PGlite and Redis keep their files in `DATA_DIR`, and neither may be opened by two
 * processes at once: the second would write over the first's files and lose its data. So the
 * process that runs them holds `DATA_DIR/atelier.lock`, a file with its pid. A second start on the
 * same folder refuses with a message naming the owner; a lock left by a process that is no
 * longer running (a crash, a SIGKILL) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<{ release(): Promise<void> }> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'atelier.lock');
  const me: Owner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return { release: () => releaseIfMine(file, me) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    if (owner && isAlive(owner)) {
      throw new DataDirLocked(
        `DATA_DIR ${dataDir} is in use by another Atelier (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}). ` +
          'Stop it first, or give this one its own DATA_DIR.',
      );
    }
    // Stale: move it aside under a name of our own (only one of two racing starters can), then
    // create ours with 'wx' on the next turn of the loop.
    await rename(file, `${file}.stale-${process.pid}`).then(
      () => rm(`${file}.stale-${process.pid}`, { force: true }),
      () => undefined,
    );
  }
  throw new DataDirLocked(`DATA_DIR ${dataDir}: could not take atelier.lock (another process keeps taking it)`);
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' ? (owner as Owner) : undefined;
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

/** Whether the owner still runs. Another host's process cannot be checked from here: it counts as alive. */
function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  // Our own pid in a stale lock: a restarted container whose process got the same pid.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseIfMine(file: string, me: Owner): Promise<void> {
  const owner = await readOwner(file);
  if (owner && owner.pid === me.pid && owner.startedAt === me.startedAt) await rm(file, { force: true });
}
