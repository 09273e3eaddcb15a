import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Intent } from '../../prompt-service/index.js';
import type { Lane } from '../../shared/principal.js';
import type {
  MessageError,
  MessageImage,
  MessageOptions,
  MessageRefinement,
  MessageStage,
  MessageStatus,
  StageUsage,
  WorkingStage,
} from '../message.js';

/**
 * The conversation tables. Status and stage are plain text (no pgEnum), so a new state needs no
 * enum migration; the message state machine is what keeps them valid. No foreign keys either:
 * `deleteSession` removes a session's messages itself, the same way the MongoDB adapter must.
 * `org_id` is nullable: rows written before organisations existed have none (and no org admin
 * sees them); `lane` defaults to `normal` for the same rows.
 */

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    orgId: text('org_id'),
    title: text('title'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  // A user's sessions, newest first (ids are UUIDv7, so id order is creation order).
  (table) => [index('chat_sessions_user_id_id_idx').on(table.userId, table.id)],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull(),
    userId: text('user_id').notNull(),
    orgId: text('org_id'),
    lane: text('lane').$type<Lane>().notNull().default('normal'),
    content: text('content').notNull(),
    options: jsonb('options').$type<MessageOptions>().notNull(),
    status: text('status').$type<MessageStatus>().notNull(),
    stage: text('stage').$type<MessageStage>().notNull(),
    progress: integer('progress').notNull(),
    sequence: integer('sequence').notNull(),
    attempts: integer('attempts').notNull(),
    intent: text('intent').$type<Intent>(),
    refinedPrompt: text('refined_prompt'),
    reply: text('reply'),
    refinement: jsonb('refinement').$type<MessageRefinement>(),
    image: jsonb('image').$type<MessageImage>(),
    moreImages: jsonb('more_images').$type<MessageImage[]>().notNull().default([]),
    imageDeletedAt: timestamptz('image_deleted_at'),
    error: jsonb('error').$type<MessageError>(),
    usage: jsonb('usage').$type<StageUsage[]>().notNull(),
    timings: jsonb('timings').$type<Partial<Record<WorkingStage, number>>>().notNull(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    completedAt: timestamptz('completed_at'),
  },
  (table) => [
    // A session's history in order, its recent context and its latest image.
    index('chat_messages_session_id_id_idx').on(table.sessionId, table.id),
    // Recovery reads only the few unfinished messages, in the order it takes them (stillest first).
    index('chat_messages_unfinished_updated_at_idx')
      .on(table.updatedAt, table.id)
      .where(sql`${table.status} in ('PENDING', 'PROCESSING')`),
    // A session's next message in line: its oldest unfinished one, found without reading its history.
    index('chat_messages_unfinished_session_id_id_idx')
      .on(table.sessionId, table.id)
      .where(sql`${table.status} in ('PENDING', 'PROCESSING')`),
    // Dead letters: an organisation's failed messages, newest first.
    index('chat_messages_failed_org_id_id_idx').on(table.orgId, table.id).where(sql`${table.status} = 'FAILED'`),
    // An org admin's queue: the organisation's unfinished messages, oldest first.
    index('chat_messages_unfinished_org_id_id_idx')
      .on(table.orgId, table.id)
      .where(sql`${table.status} in ('PENDING', 'PROCESSING')`),
    // One message per Idempotency-Key and user; the key is the lookup of a repeated request.
    uniqueIndex('chat_messages_user_id_idempotency_key_idx')
      .on(table.userId, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
  ],
);

export type ChatSessionRow = typeof chatSessions.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;
