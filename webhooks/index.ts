/** The webhooks service's public face: everything other folders may use. */
export type { WebhooksContext } from './context.js';
export { migrateWebhooks } from './migrate.js';
export { createWebhookQueue, DELIVERY_ATTEMPTS, type DeliveryJob } from './queue.js';
export { enqueueWebhookDeliveries } from './enqueue-deliveries.js';
export { startWebhookWorker, type WebhookWorker } from './worker.js';
export { registerWebhookEndpoints } from './routes/endpoints.js';
export { registerWebhookDeliveries } from './routes/deliveries.js';
