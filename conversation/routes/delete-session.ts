import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ConversationContext } from '../context.js';
import { deleteSession } from '../delete-session.js';
import { DeleteSessionQuery, SessionParams } from '../schemas.js';

const route = createRoute({
  method: 'delete',
  path: '/api/v1/chat/sessions/{id}',
  operationId: 'deleteSession',
  tags: ['chat'],
  summary: 'Delete a session and its messages; its gallery images go to the trash or stay',
  description:
    '`images=trash` (the default) moves the images made in the session to the gallery\'s trash, from where each can be restored (`POST /v1/gallery/{id}/restore/`); `images=keep` leaves them in the gallery.',
  request: { params: SessionParams, query: DeleteSessionQuery },
  responses: {
    204: { description: 'Deleted' },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export function registerDeleteSession(app: App, ctx: ConversationContext): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { images } = c.req.valid('query');
    await deleteSession({ ctx, input: { userId: c.get('userId'), sessionId: id, images } });
    return c.body(null, 204);
  });
}
