import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { adminOrgOf } from '../../shared/principal.js';
import type { UsageContext } from '../context.js';
import { getOrgUsageReport, getUsage } from '../get-usage.js';
import { OrgUsageReportWire, toFiguresWire, toReportWire, UsageQueryParams, UsageReportWire, usageQueryOf } from '../schemas.js';

const mine = createRoute({
  method: 'get',
  path: '/v1/me/usage',
  operationId: 'getMyUsage',
  tags: ['usage'],
  summary: 'Your images made, failed and cancelled, tokens and estimated cost, by day, intent, provider or model',
  description: 'From the usage rollup, filled as messages end (docs/usage.md). Days are UTC; `from` and `to` are both included; at most 366 days.',
  request: { query: UsageQueryParams },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: UsageReportWire } } },
    400: errorResponses[400],
    503: errorResponses[503],
  },
});

const org = createRoute({
  method: 'get',
  path: '/v1/org/usage/report',
  operationId: 'getOrgUsageReport',
  tags: ['organisation'],
  summary: "Your organisation's usage, grouped like /v1/me/usage, and each member's totals (admins)",
  description: 'The same query as `GET /v1/me/usage`. `GET /v1/org/usage` stays the quick count of images this day and month.',
  request: { query: UsageQueryParams },
  responses: {
    200: { description: 'The report', content: { 'application/json': { schema: OrgUsageReportWire } } },
    400: errorResponses[400],
    403: errorResponses[403],
    503: errorResponses[503],
  },
});

/** `GET /v1/me/usage`. */
export function registerMyUsage(app: App, ctx: UsageContext): void {
  app.openapi(mine, async (c) => {
    const query = usageQueryOf(c.req.valid('query'));
    const report = await getUsage({ ctx, input: { ...query, userId: c.get('userId') } });
    return c.json(toReportWire(report), 200);
  });
}

/** `GET /v1/org/usage/report` (admins). */
export function registerOrgUsageReport(app: App, ctx: UsageContext): void {
  app.openapi(org, async (c) => {
    const orgId = adminOrgOf(c.get('principal'));
    const query = usageQueryOf(c.req.valid('query'));
    const report = await getOrgUsageReport({ ctx, input: { ...query, orgId } });
    return c.json({ ...toReportWire(report), members: report.members.map((member) => ({ user_id: member.userId, ...toFiguresWire(member) })) }, 200);
  });
}
