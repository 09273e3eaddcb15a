import autocannon from 'autocannon';
import { startChild } from './child.js';
import { benchServices } from './services.js';

/**
 * The gateway's own cost: the rate of `POST …/messages/` (validate, store the message, enqueue
 * its first job, emit its first event, answer 202) against a bare Hono JSON route, both measured
 * here in the same run with the same load. The gateway runs alone, so no worker competes for
 * the CPU; the jobs it enqueues just wait.
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

const atelier = await startChild('atelier.ts', { ...services.env, BENCH_ROLES: 'gateway' });
const session = (await (await fetch(`${atelier.url}/api/v1/chat/sessions/`, { method: 'POST' })).json()) as { id: string };
const target = `${atelier.url}/api/v1/chat/sessions/${session.id}/messages/`;
await load(target, 2);
const measured = await load(target, seconds);
await atelier.stop();
await services.cleanup();

console.log(row('bare Hono JSON route', baseline));
console.log(row('Atelier POST …/messages/', measured));
console.log(
  `ratio: Atelier does ${(measured.requests.average / baseline.requests.average * 100).toFixed(1)}% of the bare route's rate; ` +
    `p50 latency ${(measured.latency.p50 / Math.max(baseline.latency.p50, 1)).toFixed(1)}x`,
);
if (measured.non2xx + measured.errors > 0) process.exitCode = 1;
