import type { Mongo } from '../../shared/connections/mongo.js';
import { Conflict, NotFound } from '../../shared/errors.js';
import type { MessageImage, MessageStatus } from '../message.js';
import { lookupId, messageChanges } from './common.js';
import { conversationModels, type MessageDocument, type SessionDocument } from './mongo-models.js';
import { toMessageDocument, toMessageImage, toMessageRecord, toSessionDocument, toSessionRecord } from './mongo-records.js';
import type { ConversationStore } from './port.js';

const UNFINISHED: MessageStatus[] = ['PENDING', 'PROCESSING'];

/**
 * Sessions and messages in MongoDB, through mongoose models on the given connection. No
 * transactions (a single-node MongoDB has none): every change is one atomic operation, and
 * `replaceMessage` is one conditional `updateOne`. It does not own the connection: `close()`
 * leaves it for the caller to close.
 */
export function createMongoStore(mongo: Mongo): ConversationStore {
  const { sessions, messages } = conversationModels(mongo.connection);

  return {
    kind: 'mongodb',

    async migrate() {
      for (const model of [sessions, messages]) {
        // createCollection ignores a collection that exists; syncIndexes makes the indexes the
        // schema's, dropping any index the schema no longer has.
        await model.createCollection();
        await model.syncIndexes();
      }
    },

    ping: () => mongo.ping(),

    async insertSession(session) {
      await insertOrConflict(() => sessions.create(toSessionDocument(session)), `session ${session.id}`);
    },

    async getSession(userId, sessionId) {
      const id = lookupId(sessionId);
      if (!id) return null;
      const doc = await sessions.findOne({ _id: id, userId }).lean<SessionDocument>();
      return doc ? toSessionRecord(doc) : null;
    },

    async listSessions({ userId, limit, beforeId }) {
      const before = beforeId === undefined ? undefined : lookupId(beforeId);
      // `limit(0)` means "no limit" to MongoDB, so it is answered here.
      if (limit <= 0 || before === null) return [];
      const docs = await sessions
        .find({ userId, ...(before ? { _id: { $lt: before } } : {}) })
        .sort({ _id: -1 })
        .limit(limit)
        .lean<SessionDocument[]>();
      return docs.map(toSessionRecord);
    },

    async touchSession(userId, sessionId, at) {
      const id = lookupId(sessionId);
      if (!id) return false;
      // Never backwards: of two messages posted at once, the later time stays, whichever lands last.
      const result = await sessions.updateOne({ _id: id, userId }, { $max: { updatedAt: at } });
      return result.matchedCount > 0;
    },

    async renameSession({ userId, sessionId, title, at }) {
      const id = lookupId(sessionId);
      if (!id) return null;
      // One atomic update: the title, and `updatedAt` moved forward only (as touchSession does).
      const doc = await sessions
        .findOneAndUpdate({ _id: id, userId }, { $set: { title }, $max: { updatedAt: at } }, { new: true })
        .lean<SessionDocument>();
      return doc ? toSessionRecord(doc) : null;
    },

    async titleUntitledSession({ userId, sessionId, title }) {
      const id = lookupId(sessionId);
      if (!id) return false;
      // `title: null` matches a null title and a missing one alike.
      const result = await sessions.updateOne({ _id: id, userId, title: null }, { $set: { title } });
      return result.modifiedCount > 0;
    },

    async deleteSession(userId, sessionId) {
      const id = lookupId(sessionId);
      if (!id) return false;
      // Messages first, then the session: a crash in between leaves a session the user still sees
      // and can delete again, never messages whose session is gone and that nothing would reach.
      await messages.deleteMany({ sessionId: id, userId });
      const { deletedCount } = await sessions.deleteOne({ _id: id, userId });
      return deletedCount === 1;
    },

    async insertMessage(message) {
      const session = lookupId(message.sessionId);
      if (!session || !(await sessions.exists({ _id: session, userId: message.userId }))) throw new NotFound('session', message.sessionId);
      await insertOrConflict(() => messages.create(toMessageDocument(message)), `message ${message.id} (or its idempotency key)`);
    },

    async getMessage(userId, sessionId, messageId) {
      const [session, id] = [lookupId(sessionId), lookupId(messageId)];
      if (!session || !id) return null;
      const doc = await messages.findOne({ _id: id, sessionId: session, userId }).lean<MessageDocument>();
      return doc ? toMessageRecord(doc) : null;
    },

    async listMessages({ userId, sessionId, limit, afterId, newestFirst = false }) {
      const session = lookupId(sessionId);
      const after = afterId === undefined ? undefined : lookupId(afterId);
      if (limit <= 0 || !session || after === null) return [];
      const docs = await messages
        .find({ sessionId: session, userId, ...(after ? { _id: newestFirst ? { $lt: after } : { $gt: after } } : {}) })
        .sort({ _id: newestFirst ? -1 : 1 })
        .limit(limit)
        .lean<MessageDocument[]>();
      return docs.map(toMessageRecord);
    },

    async findMessage(messageId) {
      const id = lookupId(messageId);
      if (!id) return null;
      const doc = await messages.findOne({ _id: id }).lean<MessageDocument>();
      return doc ? toMessageRecord(doc) : null;
    },

    async replaceMessage(next, expectedSequence) {
      const id = lookupId(next.id);
      // `$set` of a null key is stored as null, which the partial unique index does not hold.
      if (!id) return false;
      // Matched, not modified: the condition is what was compared; a replace that happens to
      // write the same values still succeeded.
      const { matchedCount } = await messages.updateOne(
        { _id: id, sequence: expectedSequence },
        { $set: messageChanges(next) },
      );
      return matchedCount === 1;
    },

    async recentMessages({ sessionId, beforeId, limit }) {
      const [session, before] = [lookupId(sessionId), lookupId(beforeId)];
      if (limit <= 0 || !session || !before) return [];
      const docs = await messages
        .find({ sessionId: session, _id: { $lt: before } })
        .sort({ _id: -1 })
        .limit(limit)
        .lean<MessageDocument[]>();
      return docs.reverse().map(toMessageRecord);
    },

    async recentImages({ sessionId, beforeId, limit }) {
      const [session, before] = [lookupId(sessionId), lookupId(beforeId)];
      if (limit <= 0 || !session || !before) return [];
      const docs = await messages
        .find({ sessionId: session, _id: { $lt: before }, image: { $ne: null } })
        .sort({ _id: -1 })
        .limit(limit)
        .select({ image: 1 })
        .lean<Array<{ image: MessageImage }>>();
      return docs.map((doc) => toMessageImage(doc.image));
    },

    async listUnfinished({ updatedBefore, limit }) {
      if (limit <= 0) return [];
      const docs = await messages
        .find({ status: { $in: UNFINISHED }, updatedAt: { $lt: updatedBefore } })
        .sort({ updatedAt: 1, _id: 1 })
        .limit(limit)
        .lean<MessageDocument[]>();
      return docs.map(toMessageRecord);
    },

    async listFailed({ orgId, limit, beforeId }) {
      const before = beforeId === undefined ? undefined : lookupId(beforeId);
      if (limit <= 0 || before === null) return [];
      const docs = await messages
        .find({ status: 'FAILED', orgId, ...(before ? { _id: { $lt: before } } : {}) })
        .sort({ _id: -1 })
        .limit(limit)
        .lean<MessageDocument[]>();
      return docs.map(toMessageRecord);
    },

    async listOrgUnfinished({ orgId, limit, afterId }) {
      const after = afterId === undefined ? undefined : lookupId(afterId);
      if (limit <= 0 || after === null) return [];
      const docs = await messages
        .find({ status: { $in: UNFINISHED }, orgId, ...(after ? { _id: { $gt: after } } : {}) })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<MessageDocument[]>();
      return docs.map(toMessageRecord);
    },

    async findByIdempotencyKey(userId, key) {
      const doc = await messages.findOne({ userId, idempotencyKey: key }).lean<MessageDocument>();
      return doc ? toMessageRecord(doc) : null;
    },

    async nextInLine(sessionId) {
      const id = lookupId(sessionId);
      if (!id) return null;
      const doc = await messages
        .findOne({ sessionId: id, status: { $in: UNFINISHED } })
        .sort({ _id: 1 })
        .lean<MessageDocument>();
      return doc ? toMessageRecord(doc) : null;
    },

    // The connection belongs to whoever opened it.
    close: async () => {},
  };
}

/** Run an insert, turning MongoDB's duplicate-key error into the port's `Conflict`. */
async function insertOrConflict(insert: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict(`${what} already exists`);
    throw error;
  }
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
