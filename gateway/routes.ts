import {
  registerCancelMessage,
  registerCreateSession,
  registerDeleteSession,
  registerRenameSession,
  registerGetMessage,
  registerMessageEvents,
  registerSessionEvents,
  registerGetSession,
  registerListDeadLetters,
  registerListMessages,
  registerListOrgQueue,
  registerRetryDeadLetter,
  registerRetryMessage,
  registerRegenerateMessage,
  registerListSessions,
  registerPostMessage,
  type ConversationContext,
} from '../conversation/index.js';
import {
  registerAlbums,
  registerBulkImages,
  registerCreateExport,
  registerCreateImage,
  registerDeleteImage,
  registerDeleteImagePermanently,
  registerFavoriteImage,
  registerGetExport,
  registerEmptyTrash,
  registerGetImage,
  registerGetLineage,
  registerListDeletedImages,
  registerListMessageImages,
  registerListImages,
  registerOrgUsage,
  registerRecallParameters,
  registerRestoreImage,
  registerSharePages,
  registerShares,
  RECALL_PATH,
} from '../gallery/index.js';
import {
  registerApiKeys,
  registerInvitations,
  registerLogIn,
  registerLogOut,
  registerMe,
  registerOrgApiKeys,
  registerOrgMembers,
  registerRefresh,
  registerRegister,
} from '../identity/index.js';
import { registerGenerateImage, registerMedia, type ImageRouteContext } from '../image-service/index.js';
import { registerRefinePrompt, type PromptContext } from '../prompt-service/index.js';
import { registerTemplates } from '../templates/index.js';
import type { App } from '../shared/http.js';
import { registerMyUsage, registerOrgUsageReport } from '../usage/index.js';
import { registerWebhookDeliveries, registerWebhookEndpoints } from '../webhooks/index.js';
import type { AtelierContext } from './context.js';
import { fileInGallery } from './direct-images.js';
import { chargeDirectGenerations } from './middleware/generation-quota.js';
import { throttleLogIns } from './middleware/login-throttle.js';
import { registerAsyncApi } from './routes/asyncapi.js';
import { registerDocs } from './routes/docs.js';
import { registerHealth } from './routes/health.js';
import { registerWebApp } from './routes/web.js';
import { buildWebApp } from '../web/build.js';

/** The routes whose body is a file, not JSON (the gateway's JSON check skips them; each limits its own). */
export const UPLOAD_PATHS = [RECALL_PATH] as const;

/** The route table, top to bottom. Each path also answers with a trailing slash. */
export function registerRoutes(app: App, ctx: AtelierContext, version: string): void {
  const conversation: ConversationContext = ctx;
  const gallery = ctx.gallery;
  const prompt: PromptContext = ctx;
  // A direct generation is filed in the caller's gallery, so it can be found and deleted.
  const image: ImageRouteContext = { ...ctx, fileImage: fileInGallery(ctx.gallery) };

  // operations
  registerHealth(app, [
    { name: 'redis', check: async () => void (await ctx.redis.ping()) },
    { name: `database (${ctx.postgres.kind})`, check: () => ctx.postgres.ping() },
    { name: `conversations (${ctx.store.kind})`, check: () => ctx.store.ping() },
    { name: `storage (${ctx.storage.kind})`, check: () => ctx.storage.ping() },
  ]);
  registerDocs(app, { version });
  registerAsyncApi(app, { version, publicUrl: ctx.publicUrl }); // GET /asyncapi.json: the realtime events
  registerWebApp(app, { bundle: buildWebApp, publicUrl: ctx.publicUrl }); // GET /, /app/{file}: the web app (docs/web.md)

  // identity: /v1/auth (public), /v1/me, /v1/api-keys, /v1/invitations
  registerRegister(app, ctx.identity); //           POST   /v1/auth/register/
  app.use('/v1/auth/login', throttleLogIns({ guard: ctx.limits.login, trustProxy: ctx.config.trustProxy })); // repeated failures slowed
  registerLogIn(app, ctx.identity); //              POST   /v1/auth/login/
  registerRefresh(app, ctx.identity); //            POST   /v1/auth/refresh/
  registerLogOut(app, ctx.identity); //             POST   /v1/auth/logout/
  registerMe(app, { ...ctx.identity, quota: ctx.quota }); // GET /v1/me/  (with the image quota)
  registerMyUsage(app, ctx.usage); //               GET    /v1/me/usage/?from=&to=&group_by=
  registerApiKeys(app, ctx.identity); //            POST, GET /v1/api-keys/, DELETE /v1/api-keys/{id}/
  registerInvitations(app, ctx.identity); //        POST   /v1/invitations/  (admin)

  // organisation admins: /v1/org, every route scoped to the admin's organisation
  registerOrgMembers(app, ctx.identity); //         GET /v1/org/members/, PATCH /v1/org/members/{user_id}/
  registerOrgApiKeys(app, ctx.identity); //         GET /v1/org/api-keys/, PATCH /v1/org/api-keys/{id}/
  registerOrgUsage(app, gallery); //                GET    /v1/org/usage/
  registerOrgUsageReport(app, ctx.usage); //        GET    /v1/org/usage/report/?from=&to=&group_by=

  // chat: /api/v1/chat
  registerCreateSession(app, conversation); //      POST   /sessions/
  registerListSessions(app, conversation); //       GET    /sessions/
  registerGetSession(app, conversation); //         GET    /sessions/{id}/
  registerRenameSession(app, conversation); //      PATCH  /sessions/{id}/
  registerDeleteSession(app, conversation); //      DELETE /sessions/{id}/?images=trash|keep
  registerPostMessage(app, conversation); //        POST   /sessions/{id}/messages/  (Idempotency-Key)
  registerListMessages(app, conversation); //       GET    /sessions/{id}/messages/
  registerGetMessage(app, conversation); //         GET    /sessions/{id}/messages/{message_id}/  (ETag, ?wait=)
  registerCancelMessage(app, conversation); //      POST   /sessions/{id}/messages/{message_id}/cancel/
  registerRetryMessage(app, conversation); //       POST   /sessions/{id}/messages/{message_id}/retry/
  registerRegenerateMessage(app, conversation); //  POST   /sessions/{id}/messages/{message_id}/regenerate/
  registerSessionEvents(app, conversation); //      GET    /sessions/{id}/events/  (SSE)
  registerMessageEvents(app, conversation); //      GET    /sessions/{id}/messages/{message_id}/events/  (SSE, ends at final)

  // prompt templates: /v1/templates (a message may be posted as {template_id, variables})
  registerTemplates(app, ctx.templates); //         GET, POST /v1/templates/, GET, PATCH, DELETE /v1/templates/{id}/

  // operators: /internal/v1 (admins only: gateway/middleware/authenticate.ts)
  registerListDeadLetters(app, conversation); //    GET    /dead-letters/
  registerRetryDeadLetter(app, conversation); //    POST   /dead-letters/{message_id}/retry/
  registerListOrgQueue(app, conversation); //       GET    /queue/

  // prompt and image services, usable on their own
  registerRefinePrompt(app, prompt); //             POST   /v1/prompt/refine/
  app.use('/v1/image/generate', chargeDirectGenerations({ quota: ctx.quota, logger: ctx.logger })); // a unit of the image quota
  registerGenerateImage(app, image); //             POST   /v1/image/generate/

  // gallery: /v1/gallery ("deleted", "albums" and "bulk" before "{id}", so they are not read as ids)
  registerListImages(app, gallery); //              GET    /  (?favorite=, ?album_id=, ?is_nsfw=)
  registerCreateImage(app, gallery); //             POST   /
  registerListDeletedImages(app, gallery); //       GET    /deleted/
  registerAlbums(app, gallery); //                  POST, GET /albums/, GET, PATCH, DELETE /albums/{album_id}/,
  //                                                GET /albums/{album_id}/images/, PUT, DELETE /albums/{album_id}/images/{id}/
  registerBulkImages(app, gallery); //              POST   /bulk/
  registerListMessageImages(app, gallery); //       GET    /by-message/{message_id}/
  registerCreateExport(app, ctx.exports); //        POST   /exports/  (202; built by the export worker)
  registerGetExport(app, ctx.exports); //           GET    /exports/{id}/  (status, progress, signed download URL)
  registerListDeletedImages(app, gallery); //       GET    /deleted/  (with purge_at)
  registerEmptyTrash(app, gallery); //              DELETE /deleted/  (the caller's trash, deleted for good now)
  registerRecallParameters(app); //                 POST   /recall/  (an image upload: the parameters written in it)
  registerGetImage(app, gallery); //                GET    /{id}/
  registerGetLineage(app, gallery); //              GET    /{id}/lineage/
  registerFavoriteImage(app, gallery); //           PUT, DELETE /{id}/favorite/
  registerDeleteImage(app, gallery); //             DELETE /{id}/
  registerRestoreImage(app, gallery); //            POST   /{id}/restore/
  registerDeleteImagePermanently(app, gallery); //  DELETE /{id}/permanent/
  registerShares(app, gallery); //                  POST, GET /{id}/shares/, DELETE /{id}/shares/{share_id}/

  // share links: /s/{token} (public: the token is the credential; docs/gallery.md)
  registerSharePages(app, gallery); //              GET, POST /s/{token}/, GET /s/{token}/image

  // webhooks: /v1/webhooks, the caller's endpoints
  registerWebhookEndpoints(app, ctx.webhooks); //   POST, GET /, DELETE /{id}/, POST /{id}/rotate-secret/
  registerWebhookDeliveries(app, ctx.webhooks); //  GET    /{id}/deliveries/

  // stored files on local disk (the images, when stored there; the exports, always)
  registerMedia(app, { mediaDir: ctx.mediaDir, signer: ctx.mediaSigner }); // GET /media/*  (signed URLs)
}
