import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Usage, rolled up as messages end (docs/usage.md): one row per user, organisation, UTC day,
 * intent, provider and model, its counters raised by `insert … on conflict do update set
 * made = made + excluded.made`, so any number of messages ending at once add up exactly.
 * A user's report reads one range of the primary key; an organisation's, its index.
 * No foreign keys: users live in identity's tables, messages maybe in MongoDB.
 */
export const usageDaily = pgTable(
  'usage_daily',
  {
    userId: text('user_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** '' for a user with no organisation. */
    orgId: text('org_id').notNull().default(''),
    /** '' when the message ended before its intent was known. */
    intent: text('intent').notNull().default(''),
    /** '' when no provider worked on it. */
    provider: text('provider').notNull().default(''),
    model: text('model').notNull().default(''),
    /** Images made by messages that ended DONE (n for a message of `options.n` variations). */
    made: integer('made').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    cancelled: integer('cancelled').notNull().default(0),
    /** Images the provider reported making (what a per-image price applies to). */
    images: integer('images').notNull().default(0),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'usage_daily_pk', columns: [t.userId, t.day, t.orgId, t.intent, t.provider, t.model] }),
    index('usage_daily_org_day_idx').on(t.orgId, t.day),
  ],
);

/**
 * The final transitions already counted, by message and the sequence of that transition: counting
 * one again (a retried hook, a backfill) adds nothing. A message retried after failing reaches a
 * final status again with a later sequence, and is counted again (it failed, then was made).
 */
export const usageRecorded = pgTable(
  'usage_recorded',
  {
    messageId: uuid('message_id').notNull(),
    sequence: integer('sequence').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ name: 'usage_recorded_pk', columns: [t.messageId, t.sequence] })],
);

export type UsageDailyRow = typeof usageDaily.$inferSelect;
