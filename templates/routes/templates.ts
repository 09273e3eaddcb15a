import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { TemplatesContext } from '../context.js';
import { createTemplate } from '../create-template.js';
import { deleteTemplate } from '../delete-template.js';
import { getTemplate } from '../get-template.js';
import { listTemplates } from '../list-templates.js';
import { CreateTemplateBody, Template, TemplatePage, TemplateParams, UpdateTemplateBody, toTemplateWire } from '../schemas.js';
import { updateTemplate } from '../update-template.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get',
  path: '/v1/templates',
  operationId: 'listTemplates',
  tags: ['templates'],
  summary: "The user's prompt templates and their organisation's shared ones, newest first",
  request: { query: PageQuery },
  responses: { 200: { description: 'One page', ...json(TemplatePage) }, 400: errorResponses[400] },
});

const create = createRoute({
  method: 'post',
  path: '/v1/templates',
  operationId: 'createTemplate',
  tags: ['templates'],
  summary: 'Save a prompt template',
  description: 'A message can then be posted as `{template_id, variables}` instead of `content` (docs/templates.md).',
  request: { body: { ...json(CreateTemplateBody), required: true } },
  responses: {
    201: { description: 'The new template', ...json(Template) },
    400: errorResponses[400],
    403: errorResponses[403],
    415: errorResponses[415],
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/templates/{id}',
  operationId: 'getTemplate',
  tags: ['templates'],
  summary: 'One template: the user\'s own, or one shared with their organisation',
  request: { params: TemplateParams },
  responses: { 200: { description: 'The template', ...json(Template) }, 400: errorResponses[400], 404: errorResponses[404] },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/templates/{id}',
  operationId: 'updateTemplate',
  tags: ['templates'],
  summary: "Change the user's own template (the fields given; `defaults` as a whole)",
  request: { params: TemplateParams, body: { ...json(UpdateTemplateBody), required: true } },
  responses: {
    200: { description: 'The changed template', ...json(Template) },
    400: errorResponses[400],
    403: errorResponses[403],
    404: errorResponses[404],
    415: errorResponses[415],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/templates/{id}',
  operationId: 'deleteTemplate',
  tags: ['templates'],
  summary: "Delete the user's own template",
  request: { params: TemplateParams },
  responses: { 204: { description: 'Deleted' }, 400: errorResponses[400], 403: errorResponses[403], 404: errorResponses[404] },
});

/** `/v1/templates`: list and create, then one template by id. */
export function registerTemplates(app: App, ctx: TemplatesContext): void {
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const { userId, orgId } = c.get('principal');
    const page = await listTemplates({ ctx, input: { userId, orgId, limit, cursor } });
    return c.json({ data: page.items.map((row) => toTemplateWire(row, userId)), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(create, async (c) => {
    const principal = c.get('principal');
    const row = await createTemplate({ ctx, input: { principal, fields: c.req.valid('json') } });
    return c.json(toTemplateWire(row, principal.userId), 201);
  });

  app.openapi(get, async (c) => {
    const { userId, orgId } = c.get('principal');
    const row = await getTemplate({ ctx, input: { userId, orgId, id: c.req.valid('param').id } });
    return c.json(toTemplateWire(row, userId), 200);
  });

  app.openapi(update, async (c) => {
    const principal = c.get('principal');
    const row = await updateTemplate({ ctx, input: { principal, id: c.req.valid('param').id, changes: c.req.valid('json') } });
    return c.json(toTemplateWire(row, principal.userId), 200);
  });

  app.openapi(remove, async (c) => {
    const { userId, orgId } = c.get('principal');
    await deleteTemplate({ ctx, input: { userId, orgId, id: c.req.valid('param').id } });
    return c.body(null, 204);
  });
}
