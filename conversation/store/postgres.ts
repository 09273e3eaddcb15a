import { and, asc, desc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import type { Postgres } from '../../shared/connections/postgres.js';
import { Conflict } from '../../shared/errors.js';
import { projectPath } from '../../shared/paths.js';
import type { MessageRecord, SessionRecord } from '../message.js';
import { lookupId, type messageChanges } from './common.js';
import type { ConversationStore } from './port.js';
import { chatMessages, chatSessions, type ChatMessageRow, type ChatSessionRow } from './postgres-schema.js';

const MIGRATIONS = { folder: projectPath('conversation', 'store', 'migrations'), table: '__conversation_migrations' };

// The columns are the record's fields one for one; these fail to compile if the two drift apart.
const toSession = (row: ChatSessionRow): SessionRecord => row;
const toMessage = (row: ChatMessageRow): MessageRecord => row;

// Written out as in the partial index's predicate, so the planner can prove the index applies.
const unfinished = sql`${chatMessages.status} in ('PENDING', 'PROCESSING')`;

/**
 * A placeholder taken as given, with its SQL type. The prepared message statements use these
 * instead of drizzle's column encoders, which fail on a null timestamp and write a null jsonb
 * as JSON `null` (not SQL NULL); {@link messageParams} encodes the values instead.
 */
const param = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

type MessageParams = Record<keyof MessageRecord, string | number | null>;

/** A message as the prepared statements take it: JSON as text, dates as ISO strings. */
function messageParams(message: MessageRecord): MessageParams {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return {
    ...message,
    options: JSON.stringify(message.options),
    refinement: json(message.refinement),
    image: json(message.image),
    error: json(message.error),
    usage: JSON.stringify(message.usage),
    timings: JSON.stringify(message.timings),
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
    completedAt: message.completedAt?.toISOString() ?? null,
  };
}

/** Every column of a message but its identity and creation time: what a replace writes. */
const MESSAGE_CHANGES = {
  content: param('content', 'text'),
  options: param('options', 'jsonb'),
  status: param('status', 'text'),
  stage: param('stage', 'text'),
  progress: param('progress', 'integer'),
  sequence: param('sequence', 'integer'),
  attempts: param('attempts', 'integer'),
  intent: param('intent', 'text'),
  refinedPrompt: param('refinedPrompt', 'text'),
  reply: param('reply', 'text'),
  refinement: param('refinement', 'jsonb'),
  image: param('image', 'jsonb'),
  error: param('error', 'jsonb'),
  usage: param('usage', 'jsonb'),
  timings: param('timings', 'jsonb'),
  updatedAt: param('updatedAt', 'timestamptz'),
  completedAt: param('completedAt', 'timestamptz'),
} satisfies Record<keyof ReturnType<typeof messageChanges>, unknown>;

/**
 * Sessions and messages in Postgres (a server or PGlite), through drizzle. It uses the Postgres
 * it is given and does not own it: `close()` leaves it open for the gallery and for the caller to
 * close.
 */
export function createPostgresStore(postgres: Postgres): ConversationStore {
  const { db } = postgres;

  // The statements every message runs through, built once: drizzle spends several times more
  // CPU building a query than the database spends running these (see docs/performance.md).
  const prepared = {
    getSession: db
      .select()
      .from(chatSessions)
      .where(and(eq(chatSessions.id, sql.placeholder('id')), eq(chatSessions.userId, sql.placeholder('userId'))))
      .prepare('atelier_get_session'),
    insertMessage: db
      .insert(chatMessages)
      .values({
        ...MESSAGE_CHANGES,
        id: param('id', 'uuid'),
        sessionId: param('sessionId', 'uuid'),
        userId: param('userId', 'text'),
        createdAt: param('createdAt', 'timestamptz'),
      })
      .onConflictDoNothing()
      .returning({ id: chatMessages.id })
      .prepare('atelier_insert_message'),
    getMessage: db
      .select()
      .from(chatMessages)
      .where(
        and(
          eq(chatMessages.id, sql.placeholder('id')),
          eq(chatMessages.sessionId, sql.placeholder('sessionId')),
          eq(chatMessages.userId, sql.placeholder('userId')),
        ),
      )
      .prepare('atelier_get_message'),
    findMessage: db.select().from(chatMessages).where(eq(chatMessages.id, sql.placeholder('id'))).prepare('atelier_find_message'),
    // One statement: a concurrent replace waits for the row lock, then re-checks the sequence
    // and finds it moved on, so exactly one of two racing writers wins.
    replaceMessage: db
      .update(chatMessages)
      .set(MESSAGE_CHANGES)
      .where(and(eq(chatMessages.id, param('id', 'uuid')), eq(chatMessages.sequence, sql.placeholder('expectedSequence'))))
      .returning({ id: chatMessages.id })
      .prepare('atelier_replace_message'),
    touchSession: db
      .update(chatSessions)
      // Never backwards: of two messages posted at once, the later time stays, whichever lands last.
      .set({ updatedAt: sql`greatest(${chatSessions.updatedAt}, ${param('at', 'timestamptz')})` })
      .where(and(eq(chatSessions.id, sql.placeholder('id')), eq(chatSessions.userId, sql.placeholder('userId'))))
      .returning({ id: chatSessions.id })
      .prepare('atelier_touch_session'),
    recentMessages: db
      .select()
      .from(chatMessages)
      .where(and(eq(chatMessages.sessionId, sql.placeholder('sessionId')), lt(chatMessages.id, sql.placeholder('before'))))
      .orderBy(desc(chatMessages.id))
      .limit(sql.placeholder('limit'))
      .prepare('atelier_recent_messages'),
    latestImage: db
      .select({ image: chatMessages.image })
      .from(chatMessages)
      .where(
        and(
          eq(chatMessages.sessionId, sql.placeholder('sessionId')),
          lt(chatMessages.id, sql.placeholder('before')),
          isNotNull(chatMessages.image),
        ),
      )
      .orderBy(desc(chatMessages.id))
      .limit(1)
      .prepare('atelier_latest_image'),
  };

  return {
    kind: 'postgres',
    migrate: () => postgres.migrate(MIGRATIONS),
    ping: () => postgres.ping(),

    async insertSession(session) {
      const inserted = await db.insert(chatSessions).values(session).onConflictDoNothing().returning({ id: chatSessions.id });
      if (inserted.length === 0) throw new Conflict(`session ${session.id} already exists`);
    },

    async getSession(userId, sessionId) {
      const id = lookupId(sessionId);
      if (!id) return null;
      const [row] = await prepared.getSession.execute({ id, userId });
      return row ? toSession(row) : null;
    },

    async listSessions({ userId, limit, beforeId }) {
      const before = beforeId === undefined ? undefined : lookupId(beforeId);
      if (limit <= 0 || before === null) return [];
      const rows = await db
        .select()
        .from(chatSessions)
        .where(and(eq(chatSessions.userId, userId), before ? lt(chatSessions.id, before) : undefined))
        .orderBy(desc(chatSessions.id))
        .limit(limit);
      return rows.map(toSession);
    },

    async touchSession(userId, sessionId, at) {
      const id = lookupId(sessionId);
      if (!id) return false;
      const touched = await prepared.touchSession.execute({ id, userId, at: at.toISOString() });
      return touched.length > 0;
    },

    async deleteSession(userId, sessionId) {
      const id = lookupId(sessionId);
      if (!id) return false;
      // Messages first, then the session: a crash in between leaves a session the user still sees
      // and can delete again, never messages whose session is gone and that nothing would reach.
      await db.delete(chatMessages).where(and(eq(chatMessages.sessionId, id), eq(chatMessages.userId, userId)));
      const deleted = await db
        .delete(chatSessions)
        .where(and(eq(chatSessions.id, id), eq(chatSessions.userId, userId)))
        .returning({ id: chatSessions.id });
      return deleted.length > 0;
    },

    async insertMessage(message) {
      const inserted = await prepared.insertMessage.execute(messageParams(message));
      if (inserted.length === 0) throw new Conflict(`message ${message.id} already exists`);
    },

    async getMessage(userId, sessionId, messageId) {
      const [session, id] = [lookupId(sessionId), lookupId(messageId)];
      if (!session || !id) return null;
      const [row] = await prepared.getMessage.execute({ id, sessionId: session, userId });
      return row ? toMessage(row) : null;
    },

    async listMessages({ userId, sessionId, limit, afterId }) {
      const session = lookupId(sessionId);
      const after = afterId === undefined ? undefined : lookupId(afterId);
      if (limit <= 0 || !session || after === null) return [];
      const rows = await db
        .select()
        .from(chatMessages)
        .where(
          and(
            eq(chatMessages.sessionId, session),
            eq(chatMessages.userId, userId),
            after ? gt(chatMessages.id, after) : undefined,
          ),
        )
        .orderBy(asc(chatMessages.id))
        .limit(limit);
      return rows.map(toMessage);
    },

    async findMessage(messageId) {
      const id = lookupId(messageId);
      if (!id) return null;
      const [row] = await prepared.findMessage.execute({ id });
      return row ? toMessage(row) : null;
    },

    async replaceMessage(next, expectedSequence) {
      const id = lookupId(next.id);
      if (!id) return false;
      const replaced = await prepared.replaceMessage.execute({ ...messageParams({ ...next, id }), expectedSequence });
      return replaced.length > 0;
    },

    async recentMessages({ sessionId, beforeId, limit }) {
      const [session, before] = [lookupId(sessionId), lookupId(beforeId)];
      if (limit <= 0 || !session || !before) return [];
      const rows = await prepared.recentMessages.execute({ sessionId: session, before, limit });
      return rows.reverse().map(toMessage);
    },

    async latestImage({ sessionId, beforeId }) {
      const [session, before] = [lookupId(sessionId), lookupId(beforeId)];
      if (!session || !before) return null;
      const [row] = await prepared.latestImage.execute({ sessionId: session, before });
      return row?.image ?? null;
    },

    async listUnfinished({ updatedBefore, limit }) {
      if (limit <= 0) return [];
      const rows = await db
        .select()
        .from(chatMessages)
        .where(and(unfinished, lt(chatMessages.updatedAt, updatedBefore)))
        .orderBy(asc(chatMessages.updatedAt), asc(chatMessages.id))
        .limit(limit);
      return rows.map(toMessage);
    },

    // The Postgres belongs to whoever opened it (the gallery shares it).
    close: async () => {},
  };
}
