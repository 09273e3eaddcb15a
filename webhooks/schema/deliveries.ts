import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per delivery attempt, whatever its outcome: the receiver's status code, or the error
 * that kept the request from getting one (a timeout, a refused address). The log goes with its
 * endpoint when the endpoint is deleted (delete-endpoint.ts; no foreign key, as in the other
 * services' tables, so the migration applies to any schema).
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    /** UUIDv7: newest first is `id desc`. */
    id: uuid('id').primaryKey(),
    endpointId: uuid('endpoint_id').notNull(),
    /** The `webhook-id` header: the same on every attempt of one event. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** 1 for the first attempt. */
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id)],
);

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewWebhookDeliveryRow = typeof webhookDeliveries.$inferInsert;
