import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { IdentityContext } from '../context.js';
import { registerAccount } from '../register-account.js';
import { AuthTokens, RegisterBody, toAuthTokensWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/auth/register',
  operationId: 'register',
  tags: ['auth'],
  summary: 'Make an account',
  description:
    "The instance's first account is its admin. After that, `AUTH_REGISTRATION` decides: `open` (anyone), `invite` (with an admin's `invite_token`) or `closed` (403).",
  security: [],
  request: { body: { content: { 'application/json': { schema: RegisterBody } }, required: true } },
  responses: {
    201: { description: 'The account, signed in', content: { 'application/json': { schema: AuthTokens } } },
    403: errorResponses[403],
    409: errorResponses[409],
  },
});

export function registerRegister(app: App, ctx: IdentityContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { user, tokens } = await registerAccount({
      ctx,
      input: { email: body.email, password: body.password, displayName: body.display_name, inviteToken: body.invite_token },
    });
    return c.json(toAuthTokensWire(user, tokens), 201);
  });
}
