import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../shared/http.js';
import type { IdentityContext } from '../context.js';
import { logOut } from '../log-out.js';
import { RefreshBody } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/auth/logout',
  operationId: 'logOut',
  tags: ['auth'],
  summary: 'Sign out: revoke a refresh token and its sign-in',
  description: 'Answers 204 whether or not the token was known. Access tokens already handed out last until they expire.',
  security: [],
  request: { body: { content: { 'application/json': { schema: RefreshBody } }, required: true } },
  responses: { 204: { description: 'Signed out' } },
});

export function registerLogOut(app: App, ctx: IdentityContext): void {
  app.openapi(route, async (c) => {
    await logOut({ ctx, input: { refreshToken: c.req.valid('json').refresh_token } });
    return c.body(null, 204);
  });
}
