import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../shared/logger.js';
import type { PromptEngine, RefineInput, Refinement } from './engine.js';

export interface RefinementCacheOptions {
  redis: Redis;
  /** How long a refinement is kept. */
  ttlSeconds: number;
  /** Key prefix, e.g. the queue prefix, so deployments sharing a Redis do not mix. */
  keyPrefix: string;
  logger: Logger;
}

/**
 * A prompt engine that answers a repeated prompt from Redis: the same prompt, context and model
 * cost one provider call per TTL. A cached answer says so (`cached: true`) and reports no usage,
 * since none was spent. Redis trouble is not the user's: on a cache error the engine is asked.
 */
export function withRefinementCache(engine: PromptEngine, options: RefinementCacheOptions): PromptEngine {
  return {
    provider: engine.provider,
    model: engine.model,
    async refine(input: RefineInput): Promise<Refinement> {
      const key = `${options.keyPrefix}:refine:${cacheKey(engine, input)}`;
      const hit = await options.redis.get(key).catch((error: unknown) => {
        options.logger.warn({ err: error }, 'refinement cache read failed');
        return null;
      });
      if (hit) {
        const { usage: _usage, ...cached } = JSON.parse(hit) as Refinement;
        return { ...cached, cached: true };
      }
      const refinement = await engine.refine(input);
      await options.redis
        .set(key, JSON.stringify({ ...refinement, cached: undefined }), 'EX', options.ttlSeconds)
        .catch((error: unknown) => options.logger.warn({ err: error }, 'refinement cache write failed'));
      return { ...refinement, cached: false };
    },
  };
}

/** The hash of everything the answer depends on: provider, model, prompt and context. */
function cacheKey(engine: PromptEngine, input: RefineInput): string {
  return createHash('sha256')
    .update(JSON.stringify([engine.provider, engine.model, input.prompt, input.context ?? null]))
    .digest('hex');
}
