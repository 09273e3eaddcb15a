import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { IdentityContext } from '../context.js';
import { listOrgApiKeys } from '../list-org-api-keys.js';
import { ApiKeyParams, OrgApiKey, OrgApiKeyPage, UpdateApiKeyBody, toOrgApiKeyWire } from '../org-schemas.js';
import { updateOrgApiKey } from '../update-org-api-key.js';

const list = createRoute({
  method: 'get',
  path: '/v1/org/api-keys',
  operationId: 'listOrgApiKeys',
  tags: ['organisation'],
  summary: "Every API key of your organisation's members, newest first, never a secret (admins)",
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of keys', content: { 'application/json': { schema: OrgApiKeyPage } } },
    400: errorResponses[400],
    403: errorResponses[403],
  },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/org/api-keys/{id}',
  operationId: 'updateOrgApiKey',
  tags: ['organisation'],
  summary: "Set an API key's lane (admins)",
  description: '`high` puts the messages posted with it in the high lane; `null` gives it its maker\'s lane. Holds from its next request.',
  request: {
    params: ApiKeyParams,
    body: { content: { 'application/json': { schema: UpdateApiKeyBody } }, required: true },
  },
  responses: {
    200: { description: 'The key, changed', content: { 'application/json': { schema: OrgApiKey } } },
    400: errorResponses[400],
    403: errorResponses[403],
    404: errorResponses[404],
    415: errorResponses[415],
  },
});

export function registerOrgApiKeys(app: App, ctx: IdentityContext): void {
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listOrgApiKeys({ ctx, input: { principal: c.get('principal'), limit, cursor } });
    return c.json({ data: page.items.map(toOrgApiKeyWire), next_cursor: page.nextCursor }, 200);
  });
  app.openapi(update, async (c) => {
    const key = await updateOrgApiKey({
      ctx,
      input: { principal: c.get('principal'), id: c.req.valid('param').id, priority: c.req.valid('json').priority },
    });
    return c.json(toOrgApiKeyWire(key), 200);
  });
}
