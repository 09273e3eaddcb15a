import {
  registerCreateSession,
  registerDeleteSession,
  registerGetMessage,
  registerGetSession,
  registerListDeadLetters,
  registerListMessages,
  registerRetryDeadLetter,
  registerListSessions,
  registerPostMessage,
  type ConversationContext,
} from '../conversation/index.js';
import {
  registerCreateImage,
  registerDeleteImage,
  registerDeleteImagePermanently,
  registerGetImage,
  registerListDeletedImages,
  registerListImages,
  registerRestoreImage,
} from '../gallery/index.js';
import { registerGenerateImage, registerMedia, type ImageRouteContext } from '../image-service/index.js';
import { registerRefinePrompt, type PromptContext } from '../prompt-service/index.js';
import type { App } from '../shared/http.js';
import type { AtelierContext } from './context.js';
import { registerDocs } from './routes/docs.js';
import { registerHealth } from './routes/health.js';

/** The route table, top to bottom. Each path also answers with a trailing slash. */
export function registerRoutes(app: App, ctx: AtelierContext, version: string): void {
  const conversation: ConversationContext = ctx;
  const gallery = ctx.gallery;
  const prompt: PromptContext = ctx;
  const image: ImageRouteContext = ctx;

  // operations
  registerHealth(app, [
    { name: 'redis', check: async () => void (await ctx.redis.ping()) },
    { name: `database (${ctx.postgres.kind})`, check: () => ctx.postgres.ping() },
    { name: `conversations (${ctx.store.kind})`, check: () => ctx.store.ping() },
    { name: `storage (${ctx.storage.kind})`, check: () => ctx.storage.ping() },
  ]);
  registerDocs(app, { version });

  // chat: /api/v1/chat
  registerCreateSession(app, conversation); //      POST   /sessions/
  registerListSessions(app, conversation); //       GET    /sessions/
  registerGetSession(app, conversation); //         GET    /sessions/{id}/
  registerDeleteSession(app, conversation); //      DELETE /sessions/{id}/
  registerPostMessage(app, conversation); //        POST   /sessions/{id}/messages/  (Idempotency-Key)
  registerListMessages(app, conversation); //       GET    /sessions/{id}/messages/
  registerGetMessage(app, conversation); //         GET    /sessions/{id}/messages/{message_id}/

  // operators: /internal/v1 (admin access comes with authentication)
  registerListDeadLetters(app, conversation); //    GET    /dead-letters/
  registerRetryDeadLetter(app, conversation); //    POST   /dead-letters/{message_id}/retry/

  // prompt and image services, usable on their own
  registerRefinePrompt(app, prompt); //             POST   /v1/prompt/refine/
  registerGenerateImage(app, image); //             POST   /v1/image/generate/

  // gallery: /v1/gallery ("deleted" before "{id}", so it is not read as an id)
  registerListImages(app, gallery); //              GET    /
  registerCreateImage(app, gallery); //             POST   /
  registerListDeletedImages(app, gallery); //       GET    /deleted/
  registerGetImage(app, gallery); //                GET    /{id}/
  registerDeleteImage(app, gallery); //             DELETE /{id}/
  registerRestoreImage(app, gallery); //            POST   /{id}/restore/
  registerDeleteImagePermanently(app, gallery); //  DELETE /{id}/permanent/

  // stored files, when they are on local disk
  if (ctx.mediaDir) registerMedia(app, { mediaDir: ctx.mediaDir }); // GET /media/*
}
