import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../shared/logger.js';
import { createTestRedis, uniquePrefix } from '../shared/testing/redis.js';
import { withRefinementCache } from './cache.js';
import type { PromptEngine } from './engine.js';
import { createOfflinePromptEngine } from './offline/engine.js';

const redis = createTestRedis();
afterAll(() => redis.quit());

/** The offline engine, counting the calls that reach it (the cache's whole point is to save them). */
function countingEngine(model = 'atelier-offline-1'): PromptEngine & { calls: number } {
  const engine = createOfflinePromptEngine();
  const counting = {
    provider: engine.provider,
    model,
    calls: 0,
    refine: async (input: Parameters<PromptEngine['refine']>[0]) => {
      counting.calls += 1;
      return { ...(await engine.refine(input)), model, usage: { inputTokens: 10, outputTokens: 20 } };
    },
  };
  return counting;
}

function cached(engine: PromptEngine, ttlSeconds = 60, keyPrefix = uniquePrefix('cache')) {
  return withRefinementCache(engine, { redis, ttlSeconds, keyPrefix, logger: createLogger({ level: 'silent' }) });
}

describe('withRefinementCache', () => {
  it('answers a repeated prompt without calling the engine, and says so', async () => {
    const engine = countingEngine();
    const cache = cached(engine);
    const first = await cache.refine({ prompt: 'a sunset over the sea' });
    const second = await cache.refine({ prompt: 'a sunset over the sea' });
    expect(engine.calls).toBe(1);
    expect(first.cached).toBe(false);
    expect(first.usage).toEqual({ inputTokens: 10, outputTokens: 20 });
    expect(second).toEqual({ ...first, cached: true, usage: undefined });
  });

  it('keys on the context and the model as well as the prompt', async () => {
    const engine = countingEngine();
    const prefix = uniquePrefix('cache');
    const cache = cached(engine, 60, prefix);
    await cache.refine({ prompt: 'make it brighter' });
    await cache.refine({ prompt: 'make it brighter', context: { hasPreviousImage: true } });
    await cache.refine({ prompt: 'make it brighter ' });
    expect(engine.calls).toBe(3);

    const otherModel = countingEngine('another-model');
    await cached(otherModel, 60, prefix).refine({ prompt: 'make it brighter' });
    expect(otherModel.calls).toBe(1);
  });

  it('forgets after the TTL', async () => {
    const engine = countingEngine();
    const prefix = uniquePrefix('cache');
    const cache = cached(engine, 60, prefix);
    await cache.refine({ prompt: 'a forest' });
    const keys = await redis.keys(`${prefix}:refine:*`);
    expect(keys).toHaveLength(1);
    const ttl = await redis.ttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
    await redis.del(keys[0] as string); // what expiry does
    await cache.refine({ prompt: 'a forest' });
    expect(engine.calls).toBe(2);
  });

  it('still answers when Redis does not', async () => {
    const broken = createTestRedis();
    await broken.quit();
    const engine = countingEngine();
    const cache = withRefinementCache(engine, { redis: broken, ttlSeconds: 60, keyPrefix: uniquePrefix(), logger: createLogger({ level: 'silent' }) });
    const refinement = await cache.refine({ prompt: 'a cat' });
    expect(refinement).toMatchObject({ intent: 'generate', cached: false });
    expect(engine.calls).toBe(1);
  });
});
