import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, idSchema, type App } from '../../shared/http.js';
import type { WebhooksContext } from '../context.js';
import { createEndpoint } from '../create-endpoint.js';
import { deleteEndpoint } from '../delete-endpoint.js';
import { listEndpoints } from '../list-endpoints.js';
import { rotateSecret } from '../rotate-secret.js';
import { CreateWebhookBody, toEndpointWire, WebhookEndpoint, WebhookEndpointWithSecret } from '../schemas.js';

const params = z.object({ id: idSchema('a webhook endpoint') });

const create = createRoute({
  method: 'post',
  path: '/v1/webhooks',
  operationId: 'createWebhook',
  tags: ['webhooks'],
  summary: 'Register a webhook endpoint for your events',
  description:
    'Deliveries are signed per the Standard Webhooks specification with the secret in this answer (shown again only on rotation); see docs/webhooks.md. ' +
    'A URL whose host resolves to a private, loopback, link-local or multicast address is refused unless the operator allows it.',
  request: { body: { content: { 'application/json': { schema: CreateWebhookBody } }, required: true } },
  responses: {
    201: { description: 'The endpoint, with its secret', content: { 'application/json': { schema: WebhookEndpointWithSecret } } },
    400: errorResponses[400],
    409: errorResponses[409],
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/webhooks',
  operationId: 'listWebhooks',
  tags: ['webhooks'],
  summary: 'Your webhook endpoints, newest first (never their secrets)',
  responses: { 200: { description: 'All of them (at most 20)', content: { 'application/json': { schema: z.object({ items: z.array(WebhookEndpoint) }) } } } },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/webhooks/{id}',
  operationId: 'deleteWebhook',
  tags: ['webhooks'],
  summary: 'Delete one of your endpoints and its delivery log; nothing more is sent to it',
  request: { params },
  responses: { 204: { description: 'Deleted' }, 400: errorResponses[400], 404: errorResponses[404] },
});

const rotate = createRoute({
  method: 'post',
  path: '/v1/webhooks/{id}/rotate-secret',
  operationId: 'rotateWebhookSecret',
  tags: ['webhooks'],
  summary: 'Give an endpoint a new signing secret; the old one stops at once',
  request: { params },
  responses: {
    200: { description: 'The endpoint, with its new secret', content: { 'application/json': { schema: WebhookEndpointWithSecret } } },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerWebhookEndpoints(app: App, ctx: WebhooksContext): void {
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { row, secret } = await createEndpoint({ ctx, input: { principal: c.get('principal'), url: body.url, events: body.events } });
    return c.json({ ...toEndpointWire(row), secret }, 201);
  });
  app.openapi(list, async (c) => {
    const rows = await listEndpoints({ ctx, input: { userId: c.get('userId') } });
    return c.json({ items: rows.map(toEndpointWire) }, 200);
  });
  app.openapi(remove, async (c) => {
    await deleteEndpoint({ ctx, input: { userId: c.get('userId'), id: c.req.valid('param').id } });
    return c.body(null, 204);
  });
  app.openapi(rotate, async (c) => {
    const { row, secret } = await rotateSecret({ ctx, input: { userId: c.get('userId'), id: c.req.valid('param').id } });
    return c.json({ ...toEndpointWire(row), secret }, 200);
  });
}
