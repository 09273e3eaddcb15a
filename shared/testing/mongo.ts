import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { connectMongo } from '../connections/mongo.js';

/** The MongoDB URL for tests, or why there is none (the MongoDB suites skip with this reason). */
export function testMongo(): { url: string; skipReason?: undefined } | { url?: undefined; skipReason: string } {
  return inject('mongo');
}

/**
 * A fresh database on the test MongoDB for a whole process under test (MONGO_URL of an Atelier
 * the end-to-end tests start), or null when the tests have no MongoDB.
 */
export function testMongoDatabaseUrl(): { url: string; drop(): Promise<void> } | null {
  const server = testMongo().url;
  if (!server) return null;
  const url = new URL(server);
  url.pathname = `/${testMongoDatabaseName()}`;
  return {
    url: url.toString(),
    drop: async () => {
      const mongo = await connectMongo(url.toString());
      try {
        await mongo.connection.dropDatabase();
      } finally {
        await mongo.close();
      }
    },
  };
}

/** A database name no other test file uses. */
export function testMongoDatabaseName(): string {
  return `atelier_test_${randomBytes(6).toString('hex')}`;
}
