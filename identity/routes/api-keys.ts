import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, idSchema, type App } from '../../shared/http.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../api-keys.js';
import type { IdentityContext } from '../context.js';
import { ApiKey, CreateApiKeyBody, CreatedApiKey, toApiKeyWire } from '../schemas.js';

const create = createRoute({
  method: 'post',
  path: '/v1/api-keys',
  operationId: 'createApiKey',
  tags: ['auth'],
  summary: 'Make an API key acting as you',
  description: 'The key is in this answer only; it is stored hashed. Send it as `Authorization: Bearer atl_…`.',
  request: { body: { content: { 'application/json': { schema: CreateApiKeyBody } }, required: true } },
  responses: {
    201: { description: 'The key, shown this once', content: { 'application/json': { schema: CreatedApiKey } } },
    403: errorResponses[403],
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/api-keys',
  operationId: 'listApiKeys',
  tags: ['auth'],
  summary: 'Your API keys (never their secret)',
  responses: { 200: { description: 'Newest first', content: { 'application/json': { schema: z.object({ items: z.array(ApiKey) }) } } } },
});

const revoke = createRoute({
  method: 'delete',
  path: '/v1/api-keys/{id}',
  operationId: 'revokeApiKey',
  tags: ['auth'],
  summary: 'Revoke one of your API keys: it stops working at once',
  request: { params: z.object({ id: idSchema('an API key') }) },
  responses: { 204: { description: 'Revoked' }, 400: errorResponses[400], 404: errorResponses[404] },
});

export function registerApiKeys(app: App, ctx: IdentityContext): void {
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { key, row } = await createApiKey({
      ctx,
      input: { principal: c.get('principal'), name: body.name, role: body.role, priority: body.priority },
    });
    return c.json({ ...toApiKeyWire(row), key }, 201);
  });
  app.openapi(list, async (c) => {
    const rows = await listApiKeys({ ctx, input: { principal: c.get('principal') } });
    return c.json({ items: rows.map(toApiKeyWire) }, 200);
  });
  app.openapi(revoke, async (c) => {
    await revokeApiKey({ ctx, input: { principal: c.get('principal'), id: c.req.valid('param').id } });
    return c.body(null, 204);
  });
}
