export { webhookEndpoints, type WebhookEndpointRow } from './endpoints.js';
export { webhookDeliveries, type WebhookDeliveryRow, type NewWebhookDeliveryRow } from './deliveries.js';
