import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../shared/http.js';
import { outageOf } from '../../shared/outages.js';
import type { Principal } from '../../shared/principal.js';
import type { QuotaPort } from '../../shared/quota.js';
import type { IdentityContext } from '../context.js';
import { getMe } from '../get-me.js';
import { Organisation, Priority, Quota, Role, User, toOrganisationWire, toQuotaWire, toUserWire } from '../schemas.js';

const Me = z
  .object({
    user: User,
    organisation: Organisation,
    role: Role.openapi({ description: 'The role this credential acts with (an API key may have less than its user)' }),
    priority: Priority.openapi({ description: 'The lane this credential\'s messages run in' }),
    credential: z.enum(['access_token', 'api_key', 'provider_token']),
    quota: Quota,
  })
  .openapi('Me');

/** The identity service's context, and the image quota (counted by limits/, given by the gateway). */
export type MeContext = IdentityContext & { quota: QuotaPort };

const route = createRoute({
  method: 'get',
  path: '/v1/me',
  operationId: 'getMe',
  tags: ['auth'],
  summary: 'Who the credential is: the user, their organisation, role, lane and what is left of their image quota',
  responses: { 200: { description: 'The caller', content: { 'application/json': { schema: Me } } } },
});

export function registerMe(app: App, ctx: MeContext): void {
  app.openapi(route, async (c) => {
    const principal = c.get('principal');
    const [{ user, organisation }, quota] = await Promise.all([getMe({ ctx, input: { principal } }), quotaOf(ctx, principal)]);
    return c.json(
      {
        user: toUserWire(user),
        organisation: toOrganisationWire(organisation),
        role: principal.role,
        priority: principal.lane,
        credential: principal.via,
        quota: quota && toQuotaWire(quota),
      },
      200,
    );
  });
}

/** Who the caller is does not hang on Redis: with it away, the quota is shown as unknown (null). */
async function quotaOf(ctx: MeContext, principal: Principal) {
  try {
    return await ctx.quota.usage({ userId: principal.userId, orgId: principal.orgId });
  } catch (error) {
    if (outageOf(error) !== 'redis') throw error;
    return null;
  }
}
