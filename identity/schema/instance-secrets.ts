import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Secrets the instance makes for itself on first start (the key its access tokens and media
 * links are signed with), kept in the database so every gateway and worker shares them without
 * a setting. A setting, when given, wins (AUTH_TOKEN_SECRET).
 */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
