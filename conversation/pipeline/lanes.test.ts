import { Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '../../shared/connections/redis.js';
import { newId } from '../../shared/ids.js';
import type { Lane } from '../../shared/principal.js';
import type { StageJob } from '../../shared/queues.js';
import { createTestRedis, deleteKeysWithPrefix, uniquePrefix } from '../../shared/testing/redis.js';
import { PRIORITY_CYCLE_SECONDS, PRIORITY_EPOCH_MS, stagePriority } from './lanes.js';
import { createPipelineQueues, enqueueStage, type PipelineQueues } from './queues.js';

/**
 * Priority lanes on real BullMQ and Redis: high-lane jobs go ahead of normal ones, but never of a
 * normal job enqueued `highLeadSeconds` or more before them. Time is the queues' clock, set by
 * the test: nothing sleeps, nothing depends on how fast the machine is.
 */

const LEAD = 60;
const t0 = Date.UTC(2026, 4, 1, 12, 0, 0);

describe('stagePriority', () => {
  it.each([
    ['a high job now', 'high', t0, 'normal', t0 - LEAD * 1000, 'equal'],
    ['a high job just after a normal one', 'high', t0 + 1000, 'normal', t0, 'before'],
    ['a high job the lead after a normal one', 'high', t0 + LEAD * 1000, 'normal', t0, 'equal'],
    ['a high job more than the lead after a normal one', 'high', t0 + (LEAD + 1) * 1000, 'normal', t0, 'after'],
    ['a later job of the same lane', 'normal', t0 + 1000, 'normal', t0, 'after'],
    ['a job in the same second of the same lane', 'high', t0 + 999, 'high', t0, 'equal'],
  ] as const)('ranks %s', (_name, lane, at, otherLane, otherAt, expected) => {
    const mine = stagePriority(lane, at, LEAD);
    const other = stagePriority(otherLane, otherAt, LEAD);
    expect(mine < other ? 'before' : mine === other ? 'equal' : 'after').toBe(expected);
  });

  it('stays within BullMQ priorities (1 to 2^21 - 1; 0 would mean "no priority", which runs first)', () => {
    const instants = [PRIORITY_EPOCH_MS - 5000, PRIORITY_EPOCH_MS, t0, PRIORITY_EPOCH_MS + (PRIORITY_CYCLE_SECONDS - 1) * 1000];
    for (const at of instants) {
      for (const lane of ['normal', 'high'] as const) {
        const priority = stagePriority(lane, at, 24 * 3600);
        expect(Number.isInteger(priority)).toBe(true);
        expect(priority).toBeGreaterThanOrEqual(1);
        expect(priority).toBeLessThanOrEqual(2 ** 21 - 1);
      }
    }
  });

  it('wraps once a cycle (about 24 days), as docs/organisations.md says', () => {
    const lastSecond = PRIORITY_EPOCH_MS + (PRIORITY_CYCLE_SECONDS - 1) * 1000;
    expect(stagePriority('high', lastSecond, LEAD)).toBe(PRIORITY_CYCLE_SECONDS);
    expect(stagePriority('high', lastSecond + 1000, LEAD)).toBe(1);
  });
});

describe('lanes in the stage queues (one worker, busy)', () => {
  let redis: Redis;
  let queues: PipelineQueues;
  let now = t0;
  const prefix = uniquePrefix('lanes');

  beforeAll(() => {
    redis = createTestRedis();
    queues = createPipelineQueues({ connection: redis, prefix, attempts: 1, backoffMs: 10, highLeadSeconds: LEAD, clock: () => now });
  });

  afterAll(async () => {
    await queues?.close();
    await redis?.quit();
    await deleteKeysWithPrefix(prefix);
  });

  /**
   * Start one worker on the prompt queue and keep it busy with a first job; enqueue `jobs` (each at
   * its own clock time) while it is; then let it go. The order the worker ran them in.
   */
  async function runOrder(jobs: Array<{ name: string; lane: Lane; atSeconds: number }>): Promise<string[]> {
    const names = new Map<string, string>();
    const ran: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let busy!: () => void;
    const isBusy = new Promise<void>((resolve) => (busy = resolve));
    let finished!: () => void;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const blocker = { id: newId(), lane: 'normal' as const };

    const worker = new Worker<StageJob>(
      'prompt',
      async (job: Job<StageJob>) => {
        if (job.data.messageId === blocker.id) {
          busy();
          await released;
          return;
        }
        ran.push(names.get(job.data.messageId) ?? '?');
        if (ran.length === jobs.length) finished();
      },
      { connection: redis, prefix, concurrency: 1 },
    );
    try {
      now = t0;
      await enqueueStage(queues, 'prompt', blocker);
      await isBusy;
      for (const job of jobs) {
        const message = { id: newId(), lane: job.lane };
        names.set(message.id, job.name);
        now = t0 + job.atSeconds * 1000;
        await enqueueStage(queues, 'prompt', message);
      }
      release();
      await allDone;
      return ran;
    } finally {
      await worker.close();
    }
  }

  it('runs high-lane jobs added after normal ones first, each lane in arrival order', async () => {
    const order = await runOrder([
      { name: 'normal 1', lane: 'normal', atSeconds: 0 },
      { name: 'normal 2', lane: 'normal', atSeconds: 0 },
      { name: 'high 1', lane: 'high', atSeconds: 1 },
      { name: 'high 2', lane: 'high', atSeconds: 2 },
    ]);
    expect(order).toEqual(['high 1', 'high 2', 'normal 1', 'normal 2']);
  });

  it('never lets a high-lane job pass a normal one enqueued the lead or more before it (no starvation)', async () => {
    const order = await runOrder([
      { name: 'normal A', lane: 'normal', atSeconds: 0 },
      { name: 'normal B', lane: 'normal', atSeconds: 1 },
      { name: 'high, 30 s after A', lane: 'high', atSeconds: 30 },
      { name: 'high, 60 s after A', lane: 'high', atSeconds: LEAD },
      { name: 'high, 61 s after A', lane: 'high', atSeconds: LEAD + 1 },
      { name: 'high, an hour after A', lane: 'high', atSeconds: 3600 },
    ]);
    expect(order).toEqual(['high, 30 s after A', 'normal A', 'high, 60 s after A', 'normal B', 'high, 61 s after A', 'high, an hour after A']);
  });

  it('gives every stage job of a message the priority of its lane', async () => {
    now = t0;
    const high = { id: newId(), lane: 'high' as const };
    const normal = { id: newId(), lane: 'normal' as const };
    for (const stage of ['prompt', 'image', 'finalize'] as const) {
      await enqueueStage(queues, stage, high);
      await enqueueStage(queues, stage, normal);
      const [highJob, normalJob] = await Promise.all([
        queues[stage].getJob(`${high.id}.${stage}`),
        queues[stage].getJob(`${normal.id}.${stage}`),
      ]);
      expect(highJob?.priority).toBe(stagePriority('high', t0, LEAD));
      expect(normalJob?.priority).toBe(stagePriority('normal', t0, LEAD));
      expect(await highJob?.getState()).toBe('prioritized');
    }
  });
});
