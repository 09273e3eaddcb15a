import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DomainEventType } from '../../shared/domain-events.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A user's webhook endpoint: where the events it subscribes to are sent. The signing secret is
 * kept as it was handed out (`whsec_…`), not hashed: every delivery is signed with it, so it must
 * be recoverable (docs/webhooks.md says so). It is shown only when made and when rotated.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    /** UUIDv7, so ordering by id is ordering by creation. */
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    orgId: text('org_id'),
    url: text('url').notNull(),
    events: text('events').array().$type<DomainEventType[]>().notNull(),
    secret: text('secret').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** Set when the receiver answered 410 Gone: nothing more is sent to it. */
    disabledAt: timestamptz('disabled_at'),
  },
  // The endpoints an event goes to are those of one user, still enabled.
  (t) => [index('webhook_endpoints_user_idx').on(t.userId, t.id).where(sql`${t.disabledAt} is null`), index('webhook_endpoints_user_all_idx').on(t.userId, t.id)],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
