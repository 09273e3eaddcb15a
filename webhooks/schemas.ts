import { z } from '@hono/zod-openapi';
import { DOMAIN_EVENT_TYPES } from '../shared/domain-events.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './schema/index.js';

export const WebhookEventType = z.enum(DOMAIN_EVENT_TYPES).openapi({ description: 'An event an endpoint can subscribe to' });

export const CreateWebhookBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      .max(2048)
      .openapi({ example: 'https://example.com/atelier-hooks', description: 'Where the events are POSTed: a public http(s) address' }),
    events: z.array(WebhookEventType).min(1).max(DOMAIN_EVENT_TYPES.length * 2).openapi({ example: ['message.completed'] }),
  })
  .openapi('CreateWebhook');

export const WebhookEndpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(WebhookEventType),
    created_at: z.iso.datetime(),
    disabled_at: z.iso.datetime().nullable().openapi({ description: 'Set when the receiver answered 410 Gone: nothing more is sent' }),
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().openapi({ description: 'The signing secret (`whsec_` + base64): shown on creation and rotation only', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
}).openapi('WebhookEndpointWithSecret');

export const WebhookDelivery = z
  .object({
    id: z.uuid(),
    endpoint_id: z.uuid(),
    event_id: z.string().openapi({ description: 'The `webhook-id` header: the same on every attempt of one event' }),
    event_type: z.string(),
    attempt: z.number().int().openapi({ description: '1 for the first attempt' }),
    status_code: z.number().int().nullable().openapi({ description: "The receiver's status; null when no answer came" }),
    error: z.string().nullable().openapi({ description: 'Why no answer came (timeout, refused address, connection error)' }),
    duration_ms: z.number().int(),
    at: z.iso.datetime(),
  })
  .openapi('WebhookDelivery');

export const WebhookDeliveryPage = z
  .object({ data: z.array(WebhookDelivery), next_cursor: z.string().nullable() })
  .openapi('WebhookDeliveryPage');

export function toEndpointWire(row: WebhookEndpointRow): z.infer<typeof WebhookEndpoint> {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    created_at: row.createdAt.toISOString(),
    disabled_at: row.disabledAt?.toISOString() ?? null,
  };
}

export function toDeliveryWire(row: WebhookDeliveryRow): z.infer<typeof WebhookDelivery> {
  return {
    id: row.id,
    endpoint_id: row.endpointId,
    event_id: row.eventId,
    event_type: row.eventType,
    attempt: row.attempt,
    status_code: row.statusCode,
    error: row.error,
    duration_ms: row.durationMs,
    at: row.at.toISOString(),
  };
}
