import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import type { IdentityContext } from '../context.js';
import { listOrgMembers } from '../list-org-members.js';
import { MemberParams, OrgMember, OrgMemberPage, UpdateMemberBody, toOrgMemberWire } from '../org-schemas.js';
import { updateOrgMember } from '../update-org-member.js';

const list = createRoute({
  method: 'get',
  path: '/v1/org/members',
  operationId: 'listOrgMembers',
  tags: ['organisation'],
  summary: "Your organisation's members, oldest account first (admins)",
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of members', content: { 'application/json': { schema: OrgMemberPage } } },
    400: errorResponses[400],
    403: errorResponses[403],
  },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/org/members/{user_id}',
  operationId: 'updateOrgMember',
  tags: ['organisation'],
  summary: "Change a member's role, lane or daily quota (admins)",
  description:
    '`priority: high` puts their messages in the high lane. The organisation keeps at least one admin (demoting the last is a 409). An access token shows a new role or lane once refreshed; API keys at once.',
  request: {
    params: MemberParams,
    body: { content: { 'application/json': { schema: UpdateMemberBody } }, required: true },
  },
  responses: {
    200: { description: 'The member, changed', content: { 'application/json': { schema: OrgMember } } },
    400: errorResponses[400],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
    415: errorResponses[415],
  },
});

export function registerOrgMembers(app: App, ctx: IdentityContext): void {
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listOrgMembers({ ctx, input: { principal: c.get('principal'), limit, cursor } });
    return c.json({ data: page.items.map(toOrgMemberWire), next_cursor: page.nextCursor }, 200);
  });
  app.openapi(update, async (c) => {
    const body = c.req.valid('json');
    const member = await updateOrgMember({
      ctx,
      input: {
        principal: c.get('principal'),
        userId: c.req.valid('param').user_id,
        changes: { role: body.role, priority: body.priority, dailyQuota: body.daily_quota },
      },
    });
    return c.json(toOrgMemberWire(member), 200);
  });
}
