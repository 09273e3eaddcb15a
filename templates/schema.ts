import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Prompt templates: a user's own, and those an organisation's admin shared with its members.
 * Users and organisations are text, as in the gallery: an identity provider's ids need not be UUIDs.
 */
export const promptTemplates = pgTable(
  'prompt_templates',
  {
    /** UUIDv7, so ordering by id is ordering by creation. */
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    /** The text with `{placeholders}` (templates/placeholders.ts). */
    text: text('text').notNull(),
    /** A value for some placeholders, used when a message gives none. */
    defaults: jsonb('defaults').$type<Record<string, string>>().notNull().default({}),
    /** Readable by every member of `orgId`; changed and deleted by its owner only. */
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    // The list is "mine, or my organisation's shared ones", newest first: one index range each.
    index('prompt_templates_user_idx').on(t.userId, t.id),
    index('prompt_templates_org_shared_idx').on(t.orgId, t.id).where(sql`${t.shared}`),
  ],
);

export type PromptTemplateRow = typeof promptTemplates.$inferSelect;
