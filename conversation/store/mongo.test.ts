import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { connectMongo } from '../../shared/connections/mongo.js';
import { testMongo, testMongoDatabaseName } from '../../shared/testing/mongo.js';
import { storeContract } from './contract.js';
import { finishedRecord, messageRecord, newUser, sessionRecord } from './fixtures.js';
import { conversationModels } from './mongo-models.js';
import { toMessageDocument, toMessageRecord, toSessionDocument, toSessionRecord } from './mongo-records.js';
import { createMongoStore } from './mongo.js';

const mongo = testMongo();

if (mongo.url) {
  const url = mongo.url;
  storeContract('MongoDB', async () => {
    const database = await connectMongo(url, { dbName: testMongoDatabaseName() });
    return {
      store: createMongoStore(database),
      close: async () => {
        await database.connection.dropDatabase();
        await database.close();
      },
    };
  });
} else {
  describe.skip(`MongoDB store contract — skipped: ${mongo.skipReason}`, () => {
    it('runs the conversation store contract against MongoDB', () => {});
  });
}

// Without a server: the models build, and mongoose's casting keeps every field of a record.
describe('MongoDB store models (no server needed)', () => {
  const connection = mongoose.createConnection();
  const models = conversationModels(connection);
  afterAll(() => connection.close());

  it('binds the chat_sessions and chat_messages collections, once per connection', () => {
    expect(models.sessions.collection.collectionName).toBe('chat_sessions');
    expect(models.messages.collection.collectionName).toBe('chat_messages');
    expect(conversationModels(connection).messages).toBe(models.messages);
  });

  it('declares the indexes the queries need: unfinished, failed (by organisation) and idempotency keys partial', () => {
    const unfinished = { partialFilterExpression: { status: { $in: ['PENDING', 'PROCESSING'] } } };
    expect(models.sessions.schema.indexes()).toEqual([[{ userId: 1, _id: -1 }, expect.anything()]]);
    expect(models.messages.schema.indexes()).toEqual([
      [{ sessionId: 1, _id: 1 }, expect.anything()],
      [{ updatedAt: 1, _id: 1 }, expect.objectContaining(unfinished)],
      [{ sessionId: 1, _id: 1 }, expect.objectContaining(unfinished)],
      [{ orgId: 1, _id: -1 }, expect.objectContaining({ partialFilterExpression: { status: 'FAILED' } })],
      [{ orgId: 1, _id: 1 }, expect.objectContaining(unfinished)],
      [
        { userId: 1, idempotencyKey: 1 },
        expect.objectContaining({ unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } }),
      ],
    ]);
  });

  const session = sessionRecord(newUser());

  it('is given a fixture with every field of the message set, so a field the models drop fails the next test', () => {
    const record = finishedRecord(session);
    const empty = Object.entries(record).filter(([, value]) => value === null || value === undefined);
    expect(empty).toEqual([]);
    for (const nested of [record.options, record.refinement, record.image, record.error, record.timings, ...record.usage]) {
      expect(Object.values(nested ?? {}).filter((value) => value === null || value === undefined)).toEqual([]);
    }
  });
  it.each([
    ['a finished message with every field set', finishedRecord(session)],
    ['a pending message with every optional field empty', messageRecord(session)],
  ])('casts %s to a document and maps it back unchanged', async (_name, record) => {
    const document = new models.messages(toMessageDocument(record));
    await expect(document.validate()).resolves.toBeUndefined();
    expect(toMessageRecord(document.toObject())).toStrictEqual(record);
  });

  it.each([
    ['with a title', session],
    ['without a title', { ...session, title: null }],
  ])('casts a session %s to a document and maps it back unchanged', async (_name, record) => {
    const document = new models.sessions(toSessionDocument(record));
    await expect(document.validate()).resolves.toBeUndefined();
    expect(toSessionRecord(document.toObject())).toStrictEqual(record);
  });
});
