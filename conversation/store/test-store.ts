import type { Postgres } from '../../shared/connections/postgres.js';
import { connectMongo } from '../../shared/connections/mongo.js';
import { testMongo, testMongoDatabaseName } from '../../shared/testing/mongo.js';
import { createMongoStore } from './mongo.js';
import type { ConversationStore } from './port.js';
import { createPostgresStore } from './postgres.js';

/**
 * The conversation store a test file runs on: MongoDB (a fresh database) when the tests have one
 * (MONGO_URL), so every behaviour is proven on it too; otherwise the Postgres the test already has.
 * Migrated; `close` drops what it made.
 */
export async function createTestConversationStore(postgres: Postgres): Promise<{ store: ConversationStore; close(): Promise<void> }> {
  const mongo = testMongo();
  if (!mongo.url) {
    const store = createPostgresStore(postgres);
    await store.migrate();
    return { store, close: async () => {} };
  }
  const database = await connectMongo(mongo.url, { dbName: testMongoDatabaseName() });
  const store = createMongoStore(database);
  await store.migrate();
  return {
    store,
    close: async () => {
      await database.connection.dropDatabase();
      await database.close();
    },
  };
}
