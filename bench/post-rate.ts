import autocannon from 'autocannon';
import { startChild } from './child.js';
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

async function load(url: string, duration: number, paths?: () => string): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
    ...(paths && { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths() }) }] }),
  });
}

/** Sessions made through the API, `connections` at a time. */
async function createSessions(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const worker = async () => {
    while (ids.length < count) {
      const reply = await fetch(`${url}/api/v1/chat/sessions/`, { method: 'POST' });
      ids.push(((await reply.json()) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return ids;
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
const rawTarget = `${rawIo.url}/sessions/${rawIo.extra[0]}/messages`;
await load(rawTarget, 2);
const rawMeasured = await load(rawTarget, seconds);
await rawIo.stop();

const atelier = await startChild('atelier.ts', { ...services.env, BENCH_ROLES: 'gateway' });
// Enough idle sessions for a run at up to three times the raw-I/O route's rate.
const sessions = await createSessions(atelier.url, Math.ceil(rawMeasured.requests.average * (seconds + 2) * 3));
let next = 0;
const nextPath = () => `/api/v1/chat/sessions/${sessions[next++ % sessions.length]}/messages/`;
await load(atelier.url, 2, nextPath);
const measured = await load(atelier.url, seconds, nextPath);
if (next > sessions.length) console.warn(`warning: ${next} posts for ${sessions.length} sessions; some waited for their turn`);
await atelier.stop();
await services.cleanup();

const percent = (of: autocannon.Result) => ((measured.requests.average / of.requests.average) * 100).toFixed(0);
console.log(row('bare Hono JSON route', baseline));
console.log(row('bare Hono + the same raw I/O', rawMeasured));
console.log(row('Atelier POST …/messages/', measured));
console.log(
  `ratio: Atelier does ${percent(rawMeasured)}% of the raw-I/O route's rate and ${percent(baseline)}% of the bare route's; ` +
    `its own cost per request ≈ ${(1000 / measured.requests.average - 1000 / rawMeasured.requests.average).toFixed(2)} ms ` +
    `over the raw-I/O route (${(1000 / measured.requests.average).toFixed(2)} ms vs ${(1000 / rawMeasured.requests.average).toFixed(2)} ms)`,
);
if (measured.non2xx + measured.errors + rawMeasured.non2xx + rawMeasured.errors > 0) process.exitCode = 1;
