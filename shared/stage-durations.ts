import type { Redis } from 'ioredis';

/**
 * Recent durations of each pipeline stage on this instance (all its workers), for the estimate
 * a waiting message shows (`eta_ms`). Each stage keeps its last {@link KEPT} durations in a Redis
 * list, pushed by the worker that measured them; the estimate uses their median, which one slow
 * call (a provider's bad minute) moves less than a mean.
 */
export const KEPT = 50;

export interface StageDurations {
  /** Remember that `stage` took `ms`; fire-and-forget (an estimate is not worth failing a stage for). */
  record(stage: string, ms: number): void;
  /** The median of each stage's recent durations; a stage with none yet is absent. */
  medians(stages: readonly string[]): Promise<Record<string, number>>;
}

export function createStageDurations(redis: Redis, prefix: string, onError: (error: unknown) => void): StageDurations {
  const key = (stage: string) => `${prefix}:stage-durations:${stage}`;
  return {
    record(stage, ms) {
      if (!Number.isFinite(ms) || ms < 0) return;
      redis
        .multi()
        .lpush(key(stage), String(Math.round(ms)))
        .ltrim(key(stage), 0, KEPT - 1)
        .exec()
        .catch(onError);
    },
    async medians(stages) {
      const lists = await Promise.all(stages.map((stage) => redis.lrange(key(stage), 0, KEPT - 1)));
      const result: Record<string, number> = {};
      stages.forEach((stage, index) => {
        const values = (lists[index] ?? []).map(Number).sort((a, b) => a - b);
        if (values.length > 0) result[stage] = median(values);
      });
      return result;
    },
  };
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
