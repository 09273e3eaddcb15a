import { integer, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Lane, UserRole } from '../../shared/principal.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A user: a built-in account (email and password hash) or a provider's user, made on first sight
 * and known by issuer and subject. Emails are kept lowercased, so one address is one account.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    email: text('email'),
    displayName: text('display_name'),
    /** scrypt, in the self-describing form of identity/passwords.ts; null for a provider's user. */
    passwordHash: text('password_hash'),
    role: text('role').$type<UserRole>().notNull(),
    /** An admin's choice: `high` goes ahead in the queues. */
    priority: text('priority').$type<Lane>().notNull().default('normal'),
    /** Images a day for this user; null: the instance's default (USER_DAILY_QUOTA). */
    dailyQuota: integer('daily_quota'),
    /** The invitation it was made with: each one makes a single account. */
    inviteId: text('invite_id'),
    externalIssuer: text('external_issuer'),
    externalSubject: text('external_subject'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(t.email),
    uniqueIndex('users_invite_idx').on(t.inviteId),
    uniqueIndex('users_external_idx').on(t.externalIssuer, t.externalSubject),
    index('users_org_idx').on(t.orgId, t.id),
  ],
);

export type UserRow = typeof users.$inferSelect;
