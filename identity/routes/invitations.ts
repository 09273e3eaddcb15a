import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { IdentityContext } from '../context.js';
import { createInvitation } from '../invitations.js';
import { CreateInvitationBody, Invitation } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/invitations',
  operationId: 'createInvitation',
  tags: ['auth'],
  summary: 'Invite someone to your organisation (admin)',
  description: 'The token makes one account (`POST /v1/auth/register` with `invite_token`), with this role, until it expires.',
  request: { body: { content: { 'application/json': { schema: CreateInvitationBody } }, required: true } },
  responses: {
    201: { description: 'The invitation', content: { 'application/json': { schema: Invitation } } },
    403: errorResponses[403],
  },
});

export function registerInvitations(app: App, ctx: IdentityContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { token, invitation } = await createInvitation({
      ctx,
      input: { principal: c.get('principal'), role: body.role, expiresInSeconds: body.expires_in },
    });
    return c.json({ invite_token: token, role: invitation.role, expires_at: invitation.expiresAt.toISOString() }, 201);
  });
}
