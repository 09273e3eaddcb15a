import { inject } from 'vitest';

/** The MongoDB URL for tests, or why there is none (the MongoDB suites skip with this reason). */
export function testMongo(): { url: string; skipReason?: undefined } | { url?: undefined; skipReason: string } {
  return inject('mongo');
}
