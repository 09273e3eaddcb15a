import type { Redis } from 'ioredis';
import { STAGES } from '../../shared/queues.js';
import type { PipelineQueues } from './queues.js';

/**
 * Take back the jobs a dead process left active, so they run again at once rather than after
 * BullMQ's stalled-job check (a lock that outlives its worker by up to `JOB_LOCK_MS`, then a
 * check every as long: 30 to 60 s by default).
 *
 * Only for a process that owns its Redis (the embedded mode): it knows no other worker is
 * running, so every active job belongs to a dead one. It drops their locks and marks them as
 * candidates of the stalled-job check, which the workers run as they start: BullMQ itself then
 * moves each back to waiting, counting the stall as it counts any other. Returns how many.
 */
export async function reclaimActiveJobs(queues: PipelineQueues, client: Redis): Promise<number> {
  let reclaimed = 0;
  for (const stage of STAGES) {
    const queue = queues[stage];
    const active = await client.lrange(queue.keys.active as string, 0, -1);
    if (active.length === 0) continue;
    await client.del(...active.map((id) => `${queue.toKey(id)}:lock`));
    await client.sadd(queue.keys.stalled as string, ...active);
    await client.del(queue.keys['stalled-check'] as string);
    reclaimed += active.length;
  }
  return reclaimed;
}
