import { and, asc, desc, eq, getTableColumns, gt, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Postgres } from '../../shared/connections/postgres.js';
import { Conflict, NotFound } from '../../shared/errors.js';
import { projectPath } from '../../shared/paths.js';
import type { MessageImage, MessageRecord, SessionRecord } from '../message.js';
import { lookupId, type MessageChanges } from './common.js';
import type { ConversationStore } from './port.js';
import { chatMessages, chatSessions, type ChatMessageRow, type ChatSessionRow } from './postgres-schema.js';

const MIGRATIONS = { folder: projectPath('conversation', 'store', 'migrations'), table: '__conversation_migrations' };

const toSession = (row: ChatSessionRow): SessionRecord => ({
  id: row.id,
  userId: row.userId,
  orgId: row.orgId,
  title: row.title,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
// The columns are the record's fields one for one; this fails to compile if the two drift apart.
const toMessage = (row: ChatMessageRow): MessageRecord => row;

// Written out as in the partial indexes' predicates, so the planner can prove the indexes apply.
const unfinished = sql`${chatMessages.status} in ('PENDING', 'PROCESSING')`;
const failed = sql`${chatMessages.status} = 'FAILED'`;

/**
 * A placeholder taken as given, with its SQL type. The prepared message statements use these
 * instead of drizzle's column encoders, which fail on a null timestamp and write a null jsonb
 * as JSON `null` (not SQL NULL); {@link messageParams} encodes the values instead.
 */
const param = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * A message as the prepared statements take it: JSON as text, dates as ISO strings, ids in
 * lowercase. Field by field: it runs on every POST and every state change.
 */
function messageParams(message: MessageRecord): Record<keyof MessageRecord, string | number | null> {
  return {
    id: message.id.toLowerCase(),
    sessionId: message.sessionId.toLowerCase(),
    userId: message.userId,
    orgId: message.orgId,
    lane: message.lane,
    content: message.content,
    options: JSON.stringify(message.options),
    status: message.status,
    stage: message.stage,
    progress: message.progress,
    sequence: message.sequence,
    attempts: message.attempts,
    intent: message.intent,
    refinedPrompt: message.refinedPrompt,
    reply: message.reply,
    refinement: json(message.refinement),
    image: json(message.image),
    moreImages: JSON.stringify(message.moreImages),
    imageDeletedAt: message.imageDeletedAt?.toISOString() ?? null,
    error: json(message.error),
    usage: JSON.stringify(message.usage),
    timings: JSON.stringify(message.timings),
    idempotencyKey: message.idempotencyKey,
    requestHash: message.requestHash,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
    completedAt: message.completedAt?.toISOString() ?? null,
  };
}

/**
 * A row's values as the fields of a select, for `insert … select`: in the table's column order
 * (which drizzle requires), each under an alias (drizzle selects an expression only under one).
 */
function asSelectOf<T extends Record<string, SQL>>(table: typeof chatMessages, values: T): { [K in keyof T]: SQL.Aliased } {
  return Object.fromEntries(
    Object.keys(getTableColumns(table)).map((name) => [name, (values[name] as SQL).as(name)]),
  ) as { [K in keyof T]: SQL.Aliased };
}

/** Every column of a message but its identity and creation time: what a replace writes. */
const MESSAGE_CHANGES = {
  lane: param('lane', 'text'),
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
  moreImages: param('moreImages', 'jsonb'),
  imageDeletedAt: param('imageDeletedAt', 'timestamptz'),
  error: param('error', 'jsonb'),
  usage: param('usage', 'jsonb'),
  timings: param('timings', 'jsonb'),
  idempotencyKey: param('idempotencyKey', 'text'),
  requestHash: param('requestHash', 'text'),
  updatedAt: param('updatedAt', 'timestamptz'),
  completedAt: param('completedAt', 'timestamptz'),
} satisfies Record<keyof MessageChanges, unknown>;

/**
 * Sessions and messages in Postgres (a server or PGlite), through drizzle. It uses the Postgres
 * it is given and does not own it: `close()` leaves it open for the gallery and for the caller to
 * close.
 */
export function createPostgresStore(postgres: Postgres): ConversationStore {
  const { db } = postgres;

  const newMessage = {
    ...MESSAGE_CHANGES,
    id: param('id', 'uuid'),
    sessionId: param('sessionId', 'uuid'),
    userId: param('userId', 'text'),
    orgId: param('orgId', 'text'),
    createdAt: param('createdAt', 'timestamptz'),
  };

  // The statements every message runs through, built once: drizzle spends several times more
  // CPU building a query than the database spends running these (see docs/performance.md).
  const prepared = {
    getSession: db
      .select()
      .from(chatSessions)
      .where(and(eq(chatSessions.id, sql.placeholder('id')), eq(chatSessions.userId, sql.placeholder('userId'))))
      .prepare('atelier_get_session'),
    // Into the user's own session only: the session check and the insert are one statement, one
    // round trip on the accept path.
    insertMessage: db
      .insert(chatMessages)
      .select(
        db
          .select(asSelectOf(chatMessages, newMessage))
          .from(chatSessions)
          .where(and(eq(chatSessions.id, param('sessionId', 'uuid')), eq(chatSessions.userId, param('userId', 'text')))),
      )
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
    recentImages: db
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
      .limit(sql.placeholder('limit'))
      .prepare('atelier_recent_images'),
    nextInLine: db
      .select()
      .from(chatMessages)
      .where(and(eq(chatMessages.sessionId, sql.placeholder('sessionId')), unfinished))
      .orderBy(asc(chatMessages.id))
      .limit(1)
      .prepare('atelier_next_in_line'),
  };

  return {
    kind: 'postgres',
    migrate: () => postgres.migrate(MIGRATIONS),
    ping: () => postgres.ping(),

    async insertSession(session) {
      const inserted = await db
        .insert(chatSessions)
        .values({ ...session, id: session.id.toLowerCase() })
        .onConflictDoNothing()
        .returning({ id: chatSessions.id });
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

    async renameSession({ userId, sessionId, title, at }) {
      const id = lookupId(sessionId);
      if (!id) return null;
      const [row] = await db
        .update(chatSessions)
        .set({ title, updatedAt: sql`greatest(${chatSessions.updatedAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(chatSessions.id, id), eq(chatSessions.userId, userId)))
        .returning();
      return row ? toSession(row) : null;
    },

    async titleUntitledSession({ userId, sessionId, title }) {
      const id = lookupId(sessionId);
      if (!id) return false;
      const titled = await db
        .update(chatSessions)
        .set({ title })
        .where(and(eq(chatSessions.id, id), eq(chatSessions.userId, userId), isNull(chatSessions.title)))
        .returning({ id: chatSessions.id });
      return titled.length > 0;
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
      // `on conflict do nothing` covers the id and the user's idempotency key alike: a request
      // racing another with the same key waits for its commit, then finds its message.
      const params = messageParams(message);
      const inserted = await prepared.insertMessage.execute(params);
      if (inserted.length === 0) {
        const [session] = await prepared.getSession.execute({ id: params.sessionId, userId: message.userId });
        if (!session) throw new NotFound('session', message.sessionId);
        throw new Conflict(`message ${message.id} (or its idempotency key) already exists`);
      }
    },

    async getMessage(userId, sessionId, messageId) {
      const [session, id] = [lookupId(sessionId), lookupId(messageId)];
      if (!session || !id) return null;
      const [row] = await prepared.getMessage.execute({ id, sessionId: session, userId });
      return row ? toMessage(row) : null;
    },

    async listMessages({ userId, sessionId, limit, afterId, newestFirst = false }) {
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
            after ? (newestFirst ? lt(chatMessages.id, after) : gt(chatMessages.id, after)) : undefined,
          ),
        )
        .orderBy(newestFirst ? desc(chatMessages.id) : asc(chatMessages.id))
        .limit(limit);
      return rows.map(toMessage);
    },

    async findByIdempotencyKey(userId, key) {
      const [row] = await db
        .select()
        .from(chatMessages)
        .where(and(eq(chatMessages.userId, userId), eq(chatMessages.idempotencyKey, key)));
      return row ? toMessage(row) : null;
    },

    async findMessage(messageId) {
      const id = lookupId(messageId);
      if (!id) return null;
      const [row] = await prepared.findMessage.execute({ id });
      return row ? toMessage(row) : null;
    },

    async replaceMessage(next, expectedSequence) {
      if (!lookupId(next.id)) return false;
      const replaced = await prepared.replaceMessage.execute({ ...messageParams(next), expectedSequence });
      return replaced.length > 0;
    },

    async recentMessages({ sessionId, beforeId, limit }) {
      const [session, before] = [lookupId(sessionId), lookupId(beforeId)];
      if (limit <= 0 || !session || !before) return [];
      const rows = await prepared.recentMessages.execute({ sessionId: session, before, limit });
      return rows.reverse().map(toMessage);
    },

    async recentImages({ sessionId, beforeId, limit }) {
      const [session, before] = [lookupId(sessionId), lookupId(beforeId)];
      if (limit <= 0 || !session || !before) return [];
      const rows = await prepared.recentImages.execute({ sessionId: session, before, limit });
      return rows.map((row) => row.image).filter((image): image is MessageImage => image !== null);
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

    async listFailed({ orgId, limit, beforeId }) {
      const before = beforeId === undefined ? undefined : lookupId(beforeId);
      if (limit <= 0 || before === null) return [];
      const rows = await db
        .select()
        .from(chatMessages)
        .where(and(failed, eq(chatMessages.orgId, orgId), before ? lt(chatMessages.id, before) : undefined))
        .orderBy(desc(chatMessages.id))
        .limit(limit);
      return rows.map(toMessage);
    },

    async listOrgUnfinished({ orgId, limit, afterId }) {
      const after = afterId === undefined ? undefined : lookupId(afterId);
      if (limit <= 0 || after === null) return [];
      const rows = await db
        .select()
        .from(chatMessages)
        .where(and(unfinished, eq(chatMessages.orgId, orgId), after ? gt(chatMessages.id, after) : undefined))
        .orderBy(asc(chatMessages.id))
        .limit(limit);
      return rows.map(toMessage);
    },

    async nextInLine(sessionId) {
      const id = lookupId(sessionId);
      if (!id) return null;
      const [row] = await prepared.nextInLine.execute({ sessionId: id });
      return row ? toMessage(row) : null;
    },

    // The Postgres belongs to whoever opened it (the gallery shares it).
    close: async () => {},
  };
}
