import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createRedis, deleteKeysMatching, type Redis } from '../connections/redis.js';

/** The Redis the tests share; each test file isolates itself with {@link uniquePrefix}. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

export function createTestRedis(): Redis {
  // A test that stops Redis on purpose expects connection errors: they are not failures here.
  return createRedis(testRedisUrl(), () => {});
}

/** A queue prefix / channel key no other test file uses, so files can run side by side. */
export function uniquePrefix(name = 'test'): string {
  return `${name}-${randomBytes(5).toString('hex')}`;
}

/** Remove every key a test file made under its prefix (queues keep finished jobs for a day). */
export async function deleteKeysWithPrefix(prefix: string): Promise<void> {
  const redis = createTestRedis();
  try {
    await deleteKeysMatching(redis, `${prefix}*`);
  } finally {
    await redis.quit();
  }
}
