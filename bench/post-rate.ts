import autocannon from 'autocannon';
import { startChild } from './child.js';
import { benchServices } from './services.js';

/**
 * The gateway's own cost: the rate of `POST …/messages/` (validate, store the message, enqueue
 * its first job, emit its first event, answer 202) beside two baselines measured in the same run
 * with the same load: a bare Hono JSON route (no I/O), and a bare Hono route doing the same
 * unavoidable I/O by hand (raw pg read + insert, one raw BullMQ add). The gateway runs alone, so
 * no worker competes for the CPU; the jobs it enqueues just wait.
 *
 *   npm run bench:post        [-- --seconds 10 --connections 32]
 */

const args = new Map(process.argv.slice(2).map((arg, index, all) => [arg, all[index + 1]]));
const seconds = Number(args.get('--seconds') ?? 10);
const connections = Number(args.get('--connections') ?? 32);
const body = JSON.stringify({ content: 'Create a sunset landscape' });

async function load(url: string, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
  });
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
const session = (await (await fetch(`${atelier.url}/api/v1/chat/sessions/`, { method: 'POST' })).json()) as { id: string };
const target = `${atelier.url}/api/v1/chat/sessions/${session.id}/messages/`;
await load(target, 2);
const measured = await load(target, seconds);
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
