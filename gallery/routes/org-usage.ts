import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { adminOrgOf } from '../../shared/principal.js';
import type { GalleryContext } from '../context.js';
import { getOrgUsage } from '../org-usage.js';

const OrgUsage = z
  .object({
    day_start: z.iso.datetime().openapi({ description: 'Midnight UTC today: where `today` counts from' }),
    month_start: z.iso.datetime().openapi({ description: 'The first of the month, midnight UTC: where `this_month` counts from' }),
    today: z.number().int(),
    this_month: z.number().int(),
    members: z
      .array(z.object({ user_id: z.string(), today: z.number().int(), this_month: z.number().int() }))
      .openapi({ description: 'The members who made an image this month, the busiest first' }),
  })
  .openapi('OrgUsage');

const route = createRoute({
  method: 'get',
  path: '/v1/org/usage',
  operationId: 'getOrgUsage',
  tags: ['organisation'],
  summary: "Images your organisation's members made today and this month (admins)",
  description: 'Counted from the images Atelier filed in their galleries (trashed ones included; images deleted for good are not).',
  responses: {
    200: { description: 'The usage', content: { 'application/json': { schema: OrgUsage } } },
    403: errorResponses[403],
    503: errorResponses[503],
  },
});

export function registerOrgUsage(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const usage = await getOrgUsage({ ctx, input: { orgId: adminOrgOf(c.get('principal')) } });
    return c.json(
      {
        day_start: usage.dayStart.toISOString(),
        month_start: usage.monthStart.toISOString(),
        today: usage.today,
        this_month: usage.thisMonth,
        members: usage.members.map((member) => ({ user_id: member.userId, today: member.today, this_month: member.thisMonth })),
      },
      200,
    );
  });
}
