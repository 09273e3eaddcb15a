import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { IdentityContext } from '../context.js';
import { refreshSession } from '../refresh-session.js';
import { AuthTokens, RefreshBody, toAuthTokensWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/auth/refresh',
  operationId: 'refreshToken',
  tags: ['auth'],
  summary: 'Exchange a refresh token for a new pair',
  description:
    'The refresh token is used up and a new one handed out (rotation). Presenting a used one again revokes every token of its sign-in: both holders must sign in again.',
  security: [],
  request: { body: { content: { 'application/json': { schema: RefreshBody } }, required: true } },
  responses: {
    200: { description: 'A new access token and refresh token', content: { 'application/json': { schema: AuthTokens } } },
    401: errorResponses[401],
  },
});

export function registerRefresh(app: App, ctx: IdentityContext): void {
  app.openapi(route, async (c) => {
    const { user, tokens } = await refreshSession({ ctx, input: { refreshToken: c.req.valid('json').refresh_token } });
    return c.json(toAuthTokensWire(user, tokens), 200);
  });
}
