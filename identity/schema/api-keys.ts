import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Lane, UserRole } from '../../shared/principal.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * API keys for server-to-server callers. A key acts as the user who made it, with a role no
 * higher than theirs. Only a hash is kept: the key is shown once, when it is made.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** The key's first characters (`atl_1a2b3c4d`), so a list can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the whole key, hex. The key is random, so a slow hash would add nothing. */
    keyHash: text('key_hash').notNull().unique(),
    role: text('role').$type<UserRole>().notNull(),
    /** Null: the lane of the user who made it. */
    priority: text('priority').$type<Lane>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index('api_keys_user_idx').on(t.userId, t.id)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
