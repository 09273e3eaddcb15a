import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An organisation: what users belong to, what their usage is counted against, and what an admin
 * sees. The instance's own organisation (its first account's) is marked, once; organisations
 * from an identity provider are known by the provider's id for them.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The instance's own organisation: the one built-in accounts join. At most one row. */
    isInstance: boolean('is_instance').notNull().default(false),
    /** The identity provider's id for it (its org claim), for organisations made on first sight. */
    externalId: text('external_id'),
    /** Images a month for the whole organisation; null: the instance's default (ORG_MONTHLY_QUOTA). */
    monthlyQuota: integer('monthly_quota'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_instance_idx').on(t.isInstance).where(sql`${t.isInstance}`),
    uniqueIndex('organisations_external_id_idx').on(t.externalId),
  ],
);

export type OrganisationRow = typeof organisations.$inferSelect;
