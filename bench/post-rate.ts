import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { UNLIMITED, startChild } from './child.js';
import { benchServices } from './services.js';

/**
 * The gateway's own cost: the rate of `POST …/messages/` (validate, store the message, claim its
 * session's turn, enqueue its first job, emit its first event, answer 202) beside two baselines
 * measured in the same run with the same load: a bare Hono JSON route (no I/O), and a bare Hono
 * route doing the same unavoidable I/O by hand (raw pg read + insert, one raw BullMQ add). The
 * gateway runs alone, so no worker competes for the CPU; the jobs it enqueues just wait.
 *
 * Each message goes to a session of its own, as messages of many users do: every one then takes
 * its session's turn and is enqueued, the whole accept path. (Messages piling up in one session
 * wait their turn without being enqueued: less work, and not what a busy gateway sees.)
 *
 *   npm run bench:post        [-- --seconds 10 --connections 32]
 */

const args = new Map(process.argv.slice(2).map((arg, index, all) => [arg, all[index + 1]]));
const seconds = Number(args.get('--seconds') ?? 10);
const connections = Number(args.get('--connections') ?? 32);
const body = JSON.stringify({ content: 'Create a sunset landscape' });

async function load(url: string, duration: number, paths?: () => string, token?: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body,
    connections,
    duration,
    ...(paths && { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths() }) }] }),
  });
}

/**
 * Let the database settle before a measurement: a checkpoint now (when the user may run one)
 * rather than in the middle of the next run, where it would slow whichever route it fell on.
 */
async function settle(databaseUrl: string | undefined): Promise<void> {
  if (!databaseUrl) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('checkpoint').catch(() => undefined);
  await client.end();
}

function row(name: string, result: autocannon.Result): string {
  const non2xx = result.non2xx + result.errors;
  return `${name.padEnd(28)} ${result.requests.average.toFixed(0).padStart(8)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ${non2xx} not 2xx`;
}

const services = await benchServices();
console.log(`POST rate, ${seconds}s x ${connections} connections, ${services.describe}`);

const bare = await startChild('bare-hono.ts', {});
await load(`${bare.url}/messages`, 2); // warm-up
const baseline = await load(`${bare.url}/messages`, seconds);
await bare.stop();

const rawIo = await startChild('raw-io.ts', services.env);
await settle(services.env.DATABASE_URL);
const rawTarget = `${rawIo.url}/sessions/${rawIo.extra[0]}/messages`;
await load(rawTarget, 2);
const rawMeasured = await load(rawTarget, seconds);
await rawIo.stop();

// The baseline as it was before messages had turns (read the session, insert, add), for comparison.
const rawOld = await startChild('raw-io.ts', { ...services.env, RAW_IO: 'read-insert' });
await settle(services.env.DATABASE_URL);
const rawOldTarget = `${rawOld.url}/sessions/${rawOld.extra[0]}/messages`;
await load(rawOldTarget, 2);
const rawOldMeasured = await load(rawOldTarget, seconds);
await rawOld.stop();

// Enough idle sessions for a run at up to three times the raw-I/O route's rate.
const sessionsFile = path.join(tmpdir(), `atelier-bench-sessions-${process.pid}`);
const atelier = await startChild('atelier.ts', {
  ...services.env,
  ...UNLIMITED,
  BENCH_ROLES: 'gateway',
  BENCH_SESSIONS: String(Math.ceil(rawMeasured.requests.average * (seconds + 2) * 3)),
  BENCH_SESSIONS_FILE: sessionsFile,
});
const sessions = (await readFile(sessionsFile, 'utf8')).split('\n');
await rm(sessionsFile, { force: true });
await settle(services.env.DATABASE_URL);
let next = 0;
const nextPath = () => `/api/v1/chat/sessions/${sessions[next++ % sessions.length]}/messages/`;
const token = atelier.extra[0];
await load(atelier.url, 2, nextPath, token);
const measured = await load(atelier.url, seconds, nextPath, token);
if (next > sessions.length) console.warn(`warning: ${next} posts for ${sessions.length} sessions; some waited for their turn`);
await atelier.stop();
await services.cleanup();

const percent = (of: autocannon.Result) => ((measured.requests.average / of.requests.average) * 100).toFixed(0);
console.log(row('bare Hono JSON route', baseline));
console.log(row('bare Hono + the same raw I/O', rawMeasured));
console.log(row('  (read + insert + add only)', rawOldMeasured));
console.log(row('Atelier POST …/messages/', measured));
console.log(
  `ratio: Atelier does ${percent(rawMeasured)}% of the raw-I/O route's rate and ${percent(baseline)}% of the bare route's; ` +
    `its own cost per request ≈ ${(1000 / measured.requests.average - 1000 / rawMeasured.requests.average).toFixed(2)} ms ` +
    `over the raw-I/O route (${(1000 / measured.requests.average).toFixed(2)} ms vs ${(1000 / rawMeasured.requests.average).toFixed(2)} ms); ` +
    `${percent(rawOldMeasured)}% of the read + insert + add route`,
);
if (measured.non2xx + measured.errors + rawMeasured.non2xx + rawMeasured.errors > 0) process.exitCode = 1;
