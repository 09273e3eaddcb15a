import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { loadConfig } from '../shared/config.js';
import { UNLIMITED, startChild } from './child.js';
import { engineOnly, startRawChain } from './raw-chain.js';
import { benchServices, deleteKeys, summarise } from './services.js';

/**
 * The pipeline's own overhead: time from POST to DONE with the offline engines, beside two
 * baselines measured in the same run on the same machine:
 *   - engine only: refine + render + write the file, inline (the work itself);
 *   - raw BullMQ: the same work as three hand-chained BullMQ jobs (the queueing floor).
 * Atelier adds the HTTP request, the message store writes at each step, the realtime events and
 * the gallery row. Latency is one message at a time in one session; throughput is a burst of
 * messages at once, each in a session of its own (a session's messages run one after another, by
 * design; sessions run side by side).
 *
 *   npm run bench:pipeline     [-- --messages 30 --burst 40 --size 256]
 */

const args = new Map(process.argv.slice(2).map((arg, index, all) => [arg, all[index + 1]]));
const messages = Number(args.get('--messages') ?? 30);
const burst = Number(args.get('--burst') ?? 40);
const size = Number(args.get('--size') ?? 256);
const prompts = ['Create a sunset landscape', 'a forest at dawn', 'city skyline at night', 'ocean waves', 'a red car in the desert'];
const promptAt = (index: number) => `${prompts[index % prompts.length]} #${index}`;

const services = await benchServices();
const concurrency = loadConfig(process.env).workerConcurrency;
console.log(`pipeline, ${messages} sequential + burst of ${burst}, ${size}x${size} PNG, worker concurrency ${concurrency}, ${services.describe}`);

// 1. engine only
const scratch = await mkdtemp(path.join(tmpdir(), 'atelier-engine-'));
await engineOnly(promptAt(0), size, scratch);
const engineTimes: number[] = [];
for (let index = 0; index < messages; index += 1) {
  const started = performance.now();
  await engineOnly(promptAt(index), size, scratch);
  engineTimes.push(performance.now() - started);
}
await rm(scratch, { recursive: true, force: true });

// 2. raw BullMQ chain
const redisUrl = services.env.REDIS_URL as string;
const rawPrefix = `${services.env.QUEUE_PREFIX}-raw`;
const chain = await startRawChain(redisUrl, rawPrefix, concurrency);
await chain.run(promptAt(0), size);
const rawTimes: number[] = [];
for (let index = 0; index < messages; index += 1) {
  const started = performance.now();
  await chain.run(promptAt(index), size);
  rawTimes.push(performance.now() - started);
}
let started = performance.now();
await Promise.all(Array.from({ length: burst }, (_, index) => chain.run(promptAt(index), size)));
const rawBurstMs = performance.now() - started;
await chain.close();
await deleteKeys(redisUrl, `${rawPrefix}*`);

// 3. Atelier, both roles in one process, as `npm start` runs it
// Limits off: the benchmark measures the pipeline, not the quota that would stop it.
const atelier = await startChild('atelier.ts', { ...services.env, REDIS_URL: redisUrl, ...UNLIMITED });
const credential = { authorization: `Bearer ${atelier.extra[0]}` };
const socket = io(atelier.url, { transports: ['websocket'], auth: { token: atelier.extra[0] } });
async function newSession(): Promise<string> {
  const { id } = (await (await fetch(`${atelier.url}/api/v1/chat/sessions/`, { method: 'POST', headers: credential })).json()) as { id: string };
  await socket.emitWithAck('subscribe', { session_id: id });
  return id;
}
const session = await newSession();
const finished = new Map<string, () => void>();
const doneIds = new Set<string>();
socket.on('message.updated', (event: { id: string; status: string; error: unknown }) => {
  if (event.status === 'FAILED') console.error('a message FAILED:', event.error);
  if (event.status === 'DONE' || event.status === 'FAILED') {
    doneIds.add(event.id);
    finished.get(event.id)?.();
  }
});
async function post(content: string, sessionId = session): Promise<void> {
  const response = await fetch(`${atelier.url}/api/v1/chat/sessions/${sessionId}/messages/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credential },
    body: JSON.stringify({ content, options: { width: size, height: size } }),
  });
  const { id } = (await response.json()) as { id: string };
  if (doneIds.has(id)) return;
  await new Promise<void>((resolve) => finished.set(id, resolve));
}
await post(promptAt(0));
const atelierTimes: number[] = [];
for (let index = 0; index < messages; index += 1) {
  const begin = performance.now();
  await post(promptAt(index));
  atelierTimes.push(performance.now() - begin);
}
const burstSessions = await Promise.all(Array.from({ length: burst }, newSession));
started = performance.now();
await Promise.all(burstSessions.map((sessionId, index) => post(promptAt(index), sessionId)));
const atelierBurstMs = performance.now() - started;
socket.disconnect();
await atelier.stop();
await services.cleanup();

const engine = summarise(engineTimes);
const raw = summarise(rawTimes);
const ours = summarise(atelierTimes);
const line = (name: string, s: { median: number; p95: number }) =>
  `${name.padEnd(26)} median ${s.median.toFixed(1).padStart(7)} ms   p95 ${s.p95.toFixed(1).padStart(7)} ms`;
console.log(line('engine only (inline)', engine));
console.log(line('raw BullMQ, 3 jobs', raw));
console.log(line('Atelier POST → DONE', ours));
console.log(
  `overhead per message: Atelier − raw BullMQ = ${(ours.median - raw.median).toFixed(1)} ms (median), ` +
    `${(ours.median / raw.median).toFixed(2)}x raw; raw BullMQ − engine = ${(raw.median - engine.median).toFixed(1)} ms`,
);
console.log(
  `burst of ${burst}: raw BullMQ ${(burst / (rawBurstMs / 1000)).toFixed(1)} msg/s, Atelier ${(burst / (atelierBurstMs / 1000)).toFixed(1)} msg/s ` +
    `(${((burst / atelierBurstMs) / (burst / rawBurstMs) * 100).toFixed(0)}% of raw)`,
);
