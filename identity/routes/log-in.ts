import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { IdentityContext } from '../context.js';
import { logIn } from '../log-in.js';
import { AuthTokens, LogInBody, toAuthTokensWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/auth/login',
  operationId: 'logIn',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  description: 'An unknown email and a wrong password get the same 401. Repeated failures are slowed (429 with `Retry-After`).',
  security: [],
  request: { body: { content: { 'application/json': { schema: LogInBody } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: AuthTokens } } },
    401: errorResponses[401],
  },
});

export function registerLogIn(app: App, ctx: IdentityContext): void {
  app.openapi(route, async (c) => {
    const { user, tokens } = await logIn({ ctx, input: c.req.valid('json') });
    return c.json(toAuthTokensWire(user, tokens), 200);
  });
}
