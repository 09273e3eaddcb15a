/**
 * Generated from Atelier's /openapi.json by `npm run client:generate` (openapi-typescript): do
 * not edit. client/client.test.ts fails when it is stale.
 */


export interface paths {
  "/health": {
    /** Liveness: the process is running (also while it starts) */
    get: operations["getHealth"];
  };
  "/ready": {
    /** Readiness: started, and every dependency answers */
    get: operations["getReadiness"];
  };
  "/openapi.json": {
    /** This document (OpenAPI 3.1) */
    get: operations["getOpenApiDocument"];
  };
  "/docs": {
    /** The browsable API docs (Swagger UI, served locally) */
    get: operations["getDocsPage"];
  };
  "/docs/init.js": {
    /** The docs page's start-up script */
    get: operations["getDocsScript"];
  };
  "/docs/assets/{file}": {
    /** One of the docs page's assets */
    get: operations["getDocsAsset"];
  };
  "/asyncapi.json": {
    /** The realtime events (Socket.IO and Server-Sent Events) as an AsyncAPI 3.0 document */
    get: operations["getAsyncApiDocument"];
  };
  "/": {
    /** The web app: chat, gallery and usage (docs/web.md) */
    get: operations["getWebApp"];
  };
  "/app/main.js": {
    /** The web app's script (bundled at start) */
    get: operations["getWebAppScript"];
  };
  "/app/style.css": {
    /** The web app's style sheet */
    get: operations["getWebAppStyle"];
  };
  "/v1/auth/register/": {
    /**
     * Make an account
     * @description The instance's first account is its admin. After that, `AUTH_REGISTRATION` decides: `open` (anyone), `invite` (with an admin's `invite_token`) or `closed` (403).
     */
    post: operations["register"];
  };
  "/v1/auth/login/": {
    /**
     * Sign in with email and password
     * @description An unknown email and a wrong password get the same 401. Repeated failures are slowed (429 with `Retry-After`).
     */
    post: operations["logIn"];
  };
  "/v1/auth/refresh/": {
    /**
     * Exchange a refresh token for a new pair
     * @description The refresh token is used up and a new one handed out (rotation). Presenting a used one again revokes every token of its sign-in: both holders must sign in again.
     */
    post: operations["refreshToken"];
  };
  "/v1/auth/logout/": {
    /**
     * Sign out: revoke a refresh token and its sign-in
     * @description Answers 204 whether or not the token was known. Access tokens already handed out last until they expire.
     */
    post: operations["logOut"];
  };
  "/v1/me/": {
    /** Who the credential is: the user, their organisation, role, lane and what is left of their image quota */
    get: operations["getMe"];
  };
  "/v1/me/usage/": {
    /**
     * Your images made, failed and cancelled, tokens and estimated cost, by day, intent, provider or model
     * @description From the usage rollup, filled as messages end (docs/usage.md). Days are UTC; `from` and `to` are both included; at most 366 days.
     */
    get: operations["getMyUsage"];
  };
  "/v1/api-keys/": {
    /** Your API keys (never their secret) */
    get: operations["listApiKeys"];
    /**
     * Make an API key acting as you
     * @description The key is in this answer only; it is stored hashed. Send it as `Authorization: Bearer atl_…`.
     */
    post: operations["createApiKey"];
  };
  "/v1/api-keys/{id}/": {
    /** Revoke one of your API keys: it stops working at once */
    delete: operations["revokeApiKey"];
  };
  "/v1/invitations/": {
    /**
     * Invite someone to your organisation (admin)
     * @description The token makes one account (`POST /v1/auth/register` with `invite_token`), with this role, until it expires.
     */
    post: operations["createInvitation"];
  };
  "/v1/org/members/": {
    /** Your organisation's members, oldest account first (admins) */
    get: operations["listOrgMembers"];
  };
  "/v1/org/members/{user_id}/": {
    /**
     * Change a member's role, lane or daily quota (admins)
     * @description `priority: high` puts their messages in the high lane. The organisation keeps at least one admin (demoting the last is a 409). An access token shows a new role or lane once refreshed; API keys at once.
     */
    patch: operations["updateOrgMember"];
  };
  "/v1/org/api-keys/": {
    /** Every API key of your organisation's members, newest first, never a secret (admins) */
    get: operations["listOrgApiKeys"];
  };
  "/v1/org/api-keys/{id}/": {
    /**
     * Set an API key's lane (admins)
     * @description `high` puts the messages posted with it in the high lane; `null` gives it its maker's lane. Holds from its next request.
     */
    patch: operations["updateOrgApiKey"];
  };
  "/v1/org/usage/": {
    /**
     * Images your organisation's members made today and this month (admins)
     * @description Counted from the images Atelier filed in their galleries (trashed ones included; images deleted for good are not).
     */
    get: operations["getOrgUsage"];
  };
  "/v1/org/usage/report/": {
    /**
     * Your organisation's usage, grouped like /v1/me/usage, and each member's totals (admins)
     * @description The same query as `GET /v1/me/usage`. `GET /v1/org/usage` stays the quick count of images this day and month.
     */
    get: operations["getOrgUsageReport"];
  };
  "/api/v1/chat/sessions/": {
    /** The user's sessions, newest first */
    get: operations["listSessions"];
    /** Start a conversation */
    post: operations["createSession"];
  };
  "/api/v1/chat/sessions/{id}/": {
    /** One session */
    get: operations["getSession"];
    /**
     * Delete a session and its messages; its gallery images go to the trash or stay
     * @description `images=trash` (the default) moves the images made in the session to the gallery's trash, from where each can be restored (`POST /v1/gallery/{id}/restore/`); `images=keep` leaves them in the gallery.
     */
    delete: operations["deleteSession"];
    /**
     * Rename a session
     * @description A session created without a title is titled from its first message; this replaces any title.
     */
    patch: operations["renameSession"];
  };
  "/api/v1/chat/sessions/{id}/messages/": {
    /**
     * A session's history, a page at a time (oldest or newest first)
     * @description Oldest first by default. `order=newest` opens a long conversation at its end: the newest page first, then `next_cursor` pages back to older messages. A cursor is valid only with the order it was made in (else 400).
     */
    get: operations["listMessages"];
    /**
     * Send a message; the image is made in the background
     * @description Answers 202 at once with the PENDING message. A session carries out its messages one after another, in order: a message waits (`queued`) while an earlier one of the same session runs. Follow it with `message.updated` events over Socket.IO, or poll the URL in `Location`.
     */
    post: operations["postMessage"];
  };
  "/api/v1/chat/sessions/{id}/messages/{message_id}/": {
    /**
     * One message (poll, long poll); the same shape as the `message.updated` event
     * @description Answers `ETag: W/"<sequence>"`, and `304` to an `If-None-Match` naming the current one. With `wait=N` (0–30 s) the answer is held until the message changes past the client's state (its `If-None-Match`, or else the message as it is now) or N seconds pass; then it is `304` (with `If-None-Match`) or the unchanged message. `queue_position` and `eta_ms` do not change the ETag.
     */
    get: operations["getMessage"];
  };
  "/api/v1/chat/sessions/{id}/messages/{message_id}/cancel/": {
    /** Cancel a queued or running message: it ends CANCELLED, nothing is filed, its quota unit comes back */
    post: operations["cancelMessage"];
  };
  "/api/v1/chat/sessions/{id}/messages/{message_id}/retry/": {
    /** Retry your FAILED message from the stage it failed in (takes one unit of the image quota again) */
    post: operations["retryMessage"];
  };
  "/api/v1/chat/sessions/{id}/messages/{message_id}/regenerate/": {
    /**
     * Another image for a finished image message: a new message with the same refined prompt and intent, and a new seed
     * @description No prompt-model call: the new message starts at the image stage, when it is its session's turn. Takes one unit of the image quota. Send `{}` for a random seed.
     */
    post: operations["regenerateMessage"];
  };
  "/api/v1/chat/sessions/{id}/events/": {
    /**
     * A session's message changes as Server-Sent Events
     * @description Every change of the session's messages as `message.updated` (the poll's shape), in order, each with `id:` its position in the session's event log. Reconnecting with `Last-Event-ID` (an `EventSource` does it by itself) first replays what was missed, then goes live: no gap, no duplicate. Without it, `after_sequence` replays each message's changes above that sequence; with neither, the stream is live only. Comment lines are heartbeats. The stream stays open until the client closes it. Send the credential as a bearer header (a fetch-based SSE client; see README).
     */
    get: operations["streamSessionEvents"];
  };
  "/api/v1/chat/sessions/{id}/messages/{message_id}/events/": {
    /**
     * One message's changes as Server-Sent Events, ending at its final state
     * @description The message's changes as `message.updated` (the poll's shape), each with `id:` its `sequence`: first those kept in the event log (all of them, or those after `Last-Event-ID`), then its current state if the log lacks it, then live ones. The stream ends after the final state (DONE or FAILED); for a message already final it replays and ends at once.
     */
    get: operations["streamMessageEvents"];
  };
  "/v1/templates/": {
    /** The user's prompt templates and their organisation's shared ones, newest first */
    get: operations["listTemplates"];
    /**
     * Save a prompt template
     * @description A message can then be posted as `{template_id, variables}` instead of `content` (docs/templates.md).
     */
    post: operations["createTemplate"];
  };
  "/v1/templates/{id}/": {
    /** One template: the user's own, or one shared with their organisation */
    get: operations["getTemplate"];
    /** Delete the user's own template */
    delete: operations["deleteTemplate"];
    /** Change the user's own template (the fields given; `defaults` as a whole) */
    patch: operations["updateTemplate"];
  };
  "/internal/v1/dead-letters/": {
    /** Your organisation's messages that failed for good, newest first (admins) */
    get: operations["listDeadLetters"];
  };
  "/internal/v1/dead-letters/{message_id}/retry/": {
    /** Retry one of your organisation's failed messages from the stage it stopped at (admins) */
    post: operations["retryDeadLetter"];
  };
  "/internal/v1/queue/": {
    /**
     * Your organisation's messages waiting or running, oldest first, with their lanes (admins)
     * @description A `high`-lane message goes ahead of `normal` ones posted up to `LANE_HIGH_LEAD_S` seconds before it, never further (see docs/organisations.md).
     */
    get: operations["listOrgQueue"];
  };
  "/v1/prompt/refine/": {
    /**
     * Refine a prompt and detect its intent
     * @description Turns what a user typed into a prompt an image model does well with, and says whether they want a new image, a change to the last one, an enhancement, or just to talk.
     */
    post: operations["refinePrompt"];
  };
  "/v1/image/generate/": {
    /**
     * Make an image from a prompt and store it
     * @description Size: width and height 64–2048 (default 1024×1024); aspect_ratio derives a missing side. The same prompt and seed give the same image. The image is filed in the caller's gallery under `id` (`GET /v1/gallery/{id}/`), where it can be trashed and deleted; `url` and `Location` are the stored file (signed and expiring when Atelier serves it: read the image again for a fresh URL).
     */
    post: operations["generateImage"];
  };
  "/v1/gallery/": {
    /** The user's gallery, newest or oldest first, filtered and searched (images in the trash are not listed) */
    get: operations["listGalleryImages"];
    /** File an image that lives at a URL of its own (storage "external") */
    post: operations["createGalleryImage"];
  };
  "/v1/gallery/deleted/": {
    /** The user's trash, most recently deleted first, each with when it will be purged */
    get: operations["listDeletedImages"];
    /**
     * Empty the user's trash now: every trashed image and its file deleted for good
     * @description What the retention purge would do after TRASH_RETENTION_DAYS, now, for the caller's trash only. Each image is announced as `gallery.image.deleted` with `permanent: true`. An image whose file cannot be removed stays in the trash (and is not counted); emptying again retries it.
     */
    delete: operations["emptyTrash"];
  };
  "/v1/gallery/albums/": {
    /** The user's albums, newest first, each with its image count */
    get: operations["listAlbums"];
    /** Make an empty album */
    post: operations["createAlbum"];
  };
  "/v1/gallery/albums/{album_id}/images/": {
    /** An album's images in the gallery, newest first (trashed ones show again once restored) */
    get: operations["listAlbumImages"];
  };
  "/v1/gallery/albums/{album_id}/images/{id}/": {
    /** Put an image in an album (idempotent; many at once: `POST /v1/gallery/bulk/` `add_to_album`) */
    put: operations["addAlbumImage"];
    /** Take an image out of an album; the image stays in the gallery (idempotent) */
    delete: operations["removeAlbumImage"];
  };
  "/v1/gallery/albums/{album_id}/": {
    /** One album */
    get: operations["getAlbum"];
    /** Delete an album; its images stay in the gallery and in their other albums */
    delete: operations["deleteAlbum"];
    /** Rename an album */
    patch: operations["updateAlbum"];
  };
  "/v1/gallery/bulk/": {
    /** One action on up to 500 images; one that fails does not stop the others */
    post: operations["bulkImageAction"];
  };
  "/v1/gallery/by-message/{message_id}/": {
    /**
     * The image(s) a chat message made, live or in the trash, oldest first
     * @description Not found when the caller has no image of that message (another user's message, a chat reply, a failed message).
     */
    get: operations["listMessageImages"];
  };
  "/v1/gallery/exports/": {
    /**
     * Export images (by id or by filter) as png, jpg, webp, a PDF or a zip
     * @description Answers 202 at once with the queued export; it is built in the background. Follow it with `gallery.export.updated` events over Socket.IO, or poll the URL in `Location`; once `done`, `download_url` is a signed link that works until `expires_at` (EXPORT_TTL_S), when the file is removed. At most EXPORT_MAX_IMAGES images (default 5000). png, jpg and webp exports of several images come as a zip of the converted images with `metadata.json`.
     */
    post: operations["createExport"];
  };
  "/v1/gallery/exports/{id}/": {
    /** An export: its status, progress and, once done, a signed download URL */
    get: operations["getExport"];
  };
  "/v1/gallery/recall/": {
    /**
     * The generation parameters written in an image file
     * @description Every image Atelier stores carries how it was made as XMP (prompt, refined and negative prompt, intent, provider, model, seed, size, Atelier version). Upload one (multipart `file`, or the image itself as the body) to read them back, e.g. to make it again with the same seed. At most 20 MB. Nothing is looked up or stored.
     */
    post: operations["recallImageParameters"];
  };
  "/v1/gallery/{id}/": {
    /** One image, live or in the trash (then `deleted_at` is set) */
    get: operations["getGalleryImage"];
    /** Move an image to the trash (idempotent: an image already there is returned unchanged) */
    delete: operations["deleteGalleryImage"];
  };
  "/v1/gallery/{id}/lineage/": {
    /** Where an image came from (its parents) and what was made from it (edits, enhances of it) */
    get: operations["getImageLineage"];
  };
  "/v1/gallery/{id}/favorite/": {
    /** Star an image (idempotent) */
    put: operations["favoriteImage"];
    /** Unstar an image, live or in the trash (idempotent) */
    delete: operations["unfavoriteImage"];
  };
  "/v1/gallery/{id}/restore/": {
    /** Take an image out of the trash */
    post: operations["restoreGalleryImage"];
  };
  "/v1/gallery/{id}/permanent/": {
    /** Remove an image and its stored file for good (live or in the trash) */
    delete: operations["deleteGalleryImagePermanently"];
  };
  "/v1/gallery/{id}/shares/": {
    /** An image's links, newest first (revoked and expired ones too) */
    get: operations["listShares"];
    /**
     * Make a public link to one of your live images
     * @description The token is returned once: only its hash is kept. See docs/gallery.md, "Share links".
     */
    post: operations["createShare"];
  };
  "/v1/gallery/{id}/shares/{share_id}/": {
    /** Revoke a link: it answers 404 from now on */
    delete: operations["revokeShare"];
  };
  "/s/{token}": {
    /** A shared image (public) */
    get: operations["getSharePage"];
    /** A shared image behind a password (public): the form posts here */
    post: operations["unlockSharePage"];
  };
  "/s/{token}/image": {
    /**
     * A shared image's file (public)
     * @description Always served for viewing (inline); `?download=1` serves it as an attachment, only when the owner allows downloads. A protected link needs `X-Share-Password` or the signed URL its page or JSON gave.
     */
    get: operations["getSharedImageFile"];
  };
  "/v1/webhooks/": {
    /** Your webhook endpoints, newest first (never their secrets) */
    get: operations["listWebhooks"];
    /**
     * Register a webhook endpoint for your events
     * @description Deliveries are signed per the Standard Webhooks specification with the secret in this answer (shown again only on rotation); see docs/webhooks.md. A URL whose host resolves to a private, loopback, link-local or multicast address is refused unless the operator allows it.
     */
    post: operations["createWebhook"];
  };
  "/v1/webhooks/{id}/": {
    /** Delete one of your endpoints and its delivery log; nothing more is sent to it */
    delete: operations["deleteWebhook"];
  };
  "/v1/webhooks/{id}/rotate-secret/": {
    /** Give an endpoint a new signing secret; the old one stops at once */
    post: operations["rotateWebhookSecret"];
  };
  "/v1/webhooks/{id}/deliveries/": {
    /** An endpoint's delivery log: every attempt, newest first */
    get: operations["listWebhookDeliveries"];
  };
  "/media/{key}": {
    /**
     * A stored image file (local disk storage), by its signed URL
     * @description The URL comes from the API (`url` of an image or message) and is the credential: no `Authorization` needed. `key` is the storage key, slashes included (`users/{user}/{image}.png`), sent as the API links it or encoded as one segment (`users%2F{user}%2F{image}.png`, as generated clients send a path parameter); `expires` and `signature` sign it (HMAC-SHA256 over the path and the expiry). Unsigned, expired or altered: 403. Cacheable privately until it expires.
     */
    get: operations["getMedia"];
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    Error: {
      error: {
        /** @example validation_failed */
        code: string;
        message: string;
        request_id: string;
        details: {
            path?: string;
            message: string;
          }[];
      };
    };
    Message: {
      id: string;
      session_id: string;
      content: string;
      /**
       * @description The queue lane it runs in, from its poster's priority: `high` goes ahead, without starving `normal`
       * @enum {string}
       */
      lane: "normal" | "high";
      /** @enum {string} */
      status: "PENDING" | "PROCESSING" | "DONE" | "FAILED" | "CANCELLED";
      /** @enum {string} */
      stage: "queued" | "refining" | "generating" | "uploading" | "saving" | "done" | "failed" | "cancelled";
      progress: number;
      /** @description Rises with every change; drop an event older than what you hold. */
      sequence: number;
      /** @enum {string|null} */
      intent: "generate" | "edit" | "enhance" | "chat" | null;
      refined_prompt: string | null;
      reply: string | null;
      image_url: string | null;
      image: components["schemas"]["MessageImage"];
      /** @description Every image the message made, in order: one, or `options.n` variations. Empty until DONE; an image deleted for good from the gallery leaves the list. */
      images: components["schemas"]["MessageImage"][];
      /** @description Set when its first image was deleted for good from the gallery; `image` and `image_url` are then the first image left in `images` (null with one image). */
      image_deleted_at: string | null;
      error: components["schemas"]["MessageError"];
      attempts: number;
      refinement: components["schemas"]["Refinement"];
      /** @description What each provider call used, where the provider reports it */
      usage: components["schemas"]["ProviderUsage"][];
      /** @description How long each stage took */
      timings_ms: {
        refining?: number;
        generating?: number;
        uploading?: number;
        saving?: number;
      };
      created_at: string;
      updated_at: string;
      completed_at: string | null;
      /** @description On the poll of an unfinished message: the messages ahead of it (its session's earlier unfinished ones, plus the other jobs waiting for its stage). Absent once final (the poll is then exactly the last event), and in events; not part of the ETag. */
      queue_position?: number;
      /** @description On the poll of an unfinished message: milliseconds until it is final, estimated from the median recent duration of each stage on this instance (README, "Progress"). Absent once final; null before every stage has been timed. */
      eta_ms?: number | null;
    };
    /** @description The first of `images` (what a client that asks for one image reads); null until DONE. */
    MessageImage: ({
      id: string;
      url: string;
      thumbnail_url: string | null;
      width: number;
      height: number;
      format: string;
      bytes: number;
      /** @description The seed it was made with: variations differ by seed. */
      seed: number | null;
      /** @description Flagged by moderation, as on its gallery row (docs/moderation.md). */
      is_nsfw: boolean;
    }) | null;
    MessageError: ({
      code: string;
      message: string;
      /** @enum {string} */
      stage: "queued" | "refining" | "generating" | "uploading" | "saving" | "done" | "failed" | "cancelled";
      retryable: boolean;
    }) | null;
    Refinement: {
      provider: string;
      model: string;
      confidence: number;
      negative_prompt: string;
      /** @description Served from the refinement cache: no provider call was made */
      cached: boolean;
    } | null;
    ProviderUsage: {
      stage: string;
      provider: string;
      model: string;
      input_tokens: number | null;
      output_tokens: number | null;
      images: number | null;
    };
    GalleryImage: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      session_id: string | null;
      /**
       * Format: uuid
       * @description The chat message this image answers, if any.
       */
      message_id: string | null;
      /** @description Which of its message's variations (`options.n`) it is, from 0; 0 for every other image. */
      variation: number;
      /**
       * Format: uuid
       * @description The image this one was made from (an edit or enhance of it); null for a new image. See `GET /v1/gallery/{id}/lineage/`.
       */
      parent_image_id: string | null;
      prompt: string;
      refined_prompt: string | null;
      /** @description What the image should not show, as the prompt service refined it. */
      negative_prompt: string | null;
      intent: string | null;
      provider: string;
      model: string | null;
      seed: number | null;
      width: number;
      height: number;
      format: string;
      bytes: number | null;
      url: string;
      /** @description A 256×256 WebP (cropped to fill) for grids, signed and expiring like `url` when Atelier serves it; null for an external image. */
      thumbnail_url: string | null;
      /** @enum {string} */
      storage: "disk" | "cloudinary" | "external";
      /** @description Not safe for work: flagged by moderation (the prompt check, the image model's safety ratings) or declared by the client that filed it. A client decides how to show it. */
      is_nsfw: boolean;
      metadata: {
        [key: string]: unknown;
      };
      /** @description Starred by its owner (`PUT /v1/gallery/{id}/favorite/`). */
      favorite: boolean;
      /** @description Estimated US dollars its provider calls cost, from the price table (PRICE_TABLE over the defaults, docs/usage.md), worked out when read; null when its usage is not known or a model it used has no price. */
      cost: number | null;
      /** @description What each provider call that made it used (its message's `usage`); empty when not known. */
      usage: components["schemas"]["ProviderUsage"][];
      /** @description Milliseconds each pipeline stage took before the image was filed (its message's `timings_ms`: refining, generating, uploading); empty when not known. */
      timings_ms: {
        [key: string]: number;
      };
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @description Set while the image is in the trash.
       * @example 2025-01-01T12:00:00.000Z
       */
      deleted_at: string | null;
    };
    GalleryExport: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status: "queued" | "running" | "done" | "failed" | "expired";
      /** @enum {string} */
      format: "png" | "jpg" | "webp" | "pdf" | "zip";
      size: number | null;
      quality: number | null;
      /** @description Images written so far, of all of them. */
      progress: {
        done: number;
        total: number;
      };
      /** @description The file's size, once done. */
      bytes: number | null;
      /** @description Signed, expiring with the export (`expires_at`); set only while `status` is `done`. */
      download_url: string | null;
      /** @description The file's name (`atelier-export-{id}.zip`…), once done. */
      file_name: string | null;
      /**
       * Format: date-time
       * @description When the file is removed and the URL stops working (EXPORT_TTL_S after it was done).
       * @example 2025-01-01T12:00:00.000Z
       */
      expires_at: string | null;
      error: string | null;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      updated_at: string;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      completed_at: string | null;
    };
    Health: {
      /** @enum {string} */
      status: "ok";
    };
    Readiness: {
      /** @enum {string} */
      status: "ready" | "starting" | "unavailable";
      checks: {
        [key: string]: {
          ok: boolean;
          error?: string;
          ms: number;
        };
      };
    };
    AuthTokens: {
      user: components["schemas"]["User"];
      access_token: string;
      refresh_token: string;
      /** @enum {string} */
      token_type: "Bearer";
      /** @description Seconds the access token lasts */
      expires_in: number;
    };
    User: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      org_id: string;
      email: string | null;
      display_name: string | null;
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @enum {string}
       */
      role: "user" | "admin";
      /**
       * @description `high` goes ahead in the queues, without starving `normal`
       * @enum {string}
       */
      priority: "normal" | "high";
      /** Format: date-time */
      created_at: string;
    };
    /**
     * @example {
     *   "email": "ada@example.com",
     *   "password": "correct horse battery staple",
     *   "display_name": "Ada"
     * }
     */
    RegisterRequest: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
      /** @example correct horse battery staple */
      password: string;
      /** @example Ada */
      display_name?: string;
      /** @description Required when registration is by invitation */
      invite_token?: string;
    };
    LoginRequest: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
      password: string;
    };
    RefreshRequest: {
      /** @example atr_… */
      refresh_token: string;
    };
    Me: {
      user: components["schemas"]["User"];
      organisation: components["schemas"]["Organisation"];
      /**
       * @description The role this credential acts with (an API key may have less than its user)
       * @enum {string}
       */
      role: "user" | "admin";
      /**
       * @description The lane this credential's messages run in
       * @enum {string}
       */
      priority: "normal" | "high";
      /** @enum {string} */
      credential: "access_token" | "api_key" | "provider_token";
      quota: components["schemas"]["Quota"];
    };
    Organisation: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    /** @description The image quota (docs/limits.md); null while it cannot be read (Redis unavailable) */
    Quota: {
      daily: components["schemas"]["QuotaWindow"];
      monthly: components["schemas"]["QuotaWindow"];
    } | null;
    /** @description The user's images this UTC day */
    QuotaWindow: {
      /** @description Images allowed in the window (the user's or organisation's own quota, else the instance default) */
      limit: number;
      used: number;
      remaining: number;
      /**
       * Format: date-time
       * @description When the window starts again from zero (UTC midnight; the first of the next month)
       */
      resets_at: string;
    };
    UsageReport: {
      from: string;
      to: string;
      /** @enum {string} */
      group_by: "day" | "intent" | "provider" | "model";
      /** @enum {string} */
      currency: "USD";
      totals: {
        /** @description Images made by messages that ended DONE: one per message, n for a message of `options.n` variations */
        made: number;
        /** @description Messages that ended FAILED */
        failed: number;
        /** @description Messages that ended CANCELLED */
        cancelled: number;
        /** @description Images the providers reported making (what a per-image price applies to) */
        images: number;
        /** @description Prompt tokens the providers reported */
        input_tokens: number;
        output_tokens: number;
        /** @description Estimated, in US dollars, at the current price table (docs/usage.md) */
        cost: number;
      };
      groups: {
          /** @description Images made by messages that ended DONE: one per message, n for a message of `options.n` variations */
          made: number;
          /** @description Messages that ended FAILED */
          failed: number;
          /** @description Messages that ended CANCELLED */
          cancelled: number;
          /** @description Images the providers reported making (what a per-image price applies to) */
          images: number;
          /** @description Prompt tokens the providers reported */
          input_tokens: number;
          output_tokens: number;
          /** @description Estimated, in US dollars, at the current price table (docs/usage.md) */
          cost: number;
          /** @description The day (YYYY-MM-DD), intent, provider or model; '' when unknown */
          key: string;
        }[];
      /** @description Models the price table does not know: counted at 0 */
      unpriced_models: string[];
    };
    CreatedApiKey: components["schemas"]["ApiKey"] & {
      /**
       * @description The key: shown this once, keep it
       * @example atl_…
       */
      key: string;
    };
    ApiKey: {
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * @description The key's first characters, to tell keys apart
       * @example atl_1a2b3c4d
       */
      prefix: string;
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @enum {string}
       */
      role: "user" | "admin";
      /**
       * @description The key's lane; null: its maker's
       * @enum {string|null}
       */
      priority: "normal" | "high" | null;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      revoked_at: string | null;
    };
    CreateApiKeyRequest: {
      /** @example render farm */
      name: string;
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @enum {string}
       */
      role?: "user" | "admin";
      /**
       * @description An admin only: the lane the key's messages run in (default: its maker's)
       * @enum {string}
       */
      priority?: "normal" | "high";
    };
    Invitation: {
      invite_token: string;
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @enum {string}
       */
      role: "user" | "admin";
      /** Format: date-time */
      expires_at: string;
    };
    CreateInvitationRequest: {
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @default user
       * @enum {string}
       */
      role?: "user" | "admin";
      /**
       * @description Seconds (default 7 days)
       * @default 604800
       */
      expires_in?: number;
    };
    OrgMemberPage: {
      data: components["schemas"]["OrgMember"][];
      next_cursor: string | null;
    };
    OrgMember: {
      /** Format: uuid */
      id: string;
      email: string | null;
      display_name: string | null;
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @enum {string}
       */
      role: "user" | "admin";
      /**
       * @description `high` goes ahead in the queues, without starving `normal`
       * @enum {string}
       */
      priority: "normal" | "high";
      /** @description Images a day for this member; null: the instance default (USER_DAILY_QUOTA) */
      daily_quota: number | null;
      /** @description Made from an identity provider's token: its role is the provider's */
      from_identity_provider: boolean;
      /** Format: date-time */
      created_at: string;
    };
    UpdateOrgMemberRequest: {
      /**
       * @description `admin` manages the organisation; `user` sees only their own
       * @enum {string}
       */
      role?: "user" | "admin";
      /**
       * @description `high` goes ahead in the queues, without starving `normal`
       * @enum {string}
       */
      priority?: "normal" | "high";
      /** @description Images a day for this member; null: the instance default (USER_DAILY_QUOTA) */
      daily_quota?: number | null;
    };
    OrgApiKeyPage: {
      data: components["schemas"]["OrgApiKey"][];
      next_cursor: string | null;
    };
    OrgApiKey: components["schemas"]["ApiKey"] & {
      /** Format: uuid */
      user_id: string;
    };
    UpdateOrgApiKeyRequest: {
      /**
       * @description The key's lane; null: its maker's
       * @enum {string|null}
       */
      priority: "normal" | "high" | null;
    };
    OrgUsage: {
      /**
       * Format: date-time
       * @description Midnight UTC today: where `today` counts from
       */
      day_start: string;
      /**
       * Format: date-time
       * @description The first of the month, midnight UTC: where `this_month` counts from
       */
      month_start: string;
      today: number;
      this_month: number;
      /** @description The members who made an image this month, the busiest first */
      members: {
          user_id: string;
          today: number;
          this_month: number;
        }[];
    };
    OrgUsageReport: components["schemas"]["UsageReport"] & {
      /** @description Each member's totals over the range, the costliest first */
      members: {
          /** @description Images made by messages that ended DONE: one per message, n for a message of `options.n` variations */
          made: number;
          /** @description Messages that ended FAILED */
          failed: number;
          /** @description Messages that ended CANCELLED */
          cancelled: number;
          /** @description Images the providers reported making (what a per-image price applies to) */
          images: number;
          /** @description Prompt tokens the providers reported */
          input_tokens: number;
          output_tokens: number;
          /** @description Estimated, in US dollars, at the current price table (docs/usage.md) */
          cost: number;
          user_id: string;
        }[];
    };
    Session: {
      id: string;
      /** @description Given at creation or by a rename; else set from the first message once it is refined (null until then) */
      title: string | null;
      created_at: string;
      updated_at: string;
    };
    CreateSessionRequest: {
      title?: string;
    };
    SessionPage: {
      data: components["schemas"]["Session"][];
      next_cursor: string | null;
    };
    RenameSessionRequest: {
      title: string;
    };
    /**
     * @example {
     *   "content": "Create a sunset landscape",
     *   "options": {
     *     "width": 1024,
     *     "aspect_ratio": "16:9",
     *     "format": "png"
     *   }
     * }
     */
    PostMessageRequest: {
      /** @description What the user wrote; or give `template_id` (and `variables`) instead */
      content?: string;
      /**
       * Format: uuid
       * @description Post a prompt template (the user's own or one shared with their organisation) instead of `content`: the message's content is its text rendered with `variables` over its defaults
       */
      template_id?: string;
      /**
       * @description Values of the template's placeholders; each one without a default is required
       * @example {
       *   "subject": "a lighthouse",
       *   "time": "dusk"
       * }
       */
      variables?: {
        [key: string]: string;
      };
      options?: components["schemas"]["MessageOptions"];
    };
    /**
     * @example {
     *   "width": 1024,
     *   "aspect_ratio": "16:9",
     *   "format": "png"
     * }
     */
    MessageOptions: {
      /** @description Pixels, 64–2048. Default 1024, or derived from the other side and aspect_ratio. */
      width?: number;
      /** @description Pixels, 64–2048. Default 1024, or derived from the other side and aspect_ratio. */
      height?: number;
      /**
       * @description "W:H", e.g. "16:9". With one side given derives the other; alone, the long side is 1024.
       * @example 16:9
       */
      aspect_ratio?: string;
      /** @description Same prompt and seed, same image. Default: random. */
      seed?: number;
      /** @enum {string} */
      format?: "png" | "jpeg" | "webp";
      /**
       * Format: uuid
       * @description The image an edit or enhance works on: any live image of yours, from this session or another (docs/lineage.md). Without it, the latest image of this session. Not yours: 404; in the trash: 409.
       */
      source_image_id?: string;
      /**
       * @description How many variations to make (1–4, default 1), each with its own seed (the seed, the seed + 1, …), its own gallery row and one unit of the image quota. The message lists them in `images`.
       * @example 1
       */
      n?: number;
    };
    MessagePage: {
      data: components["schemas"]["Message"][];
      next_cursor: string | null;
    };
    RegenerateRequest: {
      /** @description The new image's seed. Default: a random one. */
      seed?: number;
    };
    TemplatePage: {
      data: components["schemas"]["Template"][];
      next_cursor: string | null;
    };
    Template: {
      id: string;
      name: string;
      text: string;
      /** @description The placeholder names of the text, in order of first use */
      placeholders: string[];
      defaults: {
        [key: string]: string;
      };
      shared: boolean;
      /** @description True when the caller owns it (and so may change or delete it) */
      owned: boolean;
      created_at: string;
      updated_at: string;
    };
    CreateTemplateRequest: {
      name: string;
      /**
       * @description The prompt, with `{name}` placeholders (`[a-z_][a-z0-9_]*`); `{{` and `}}` are literal braces
       * @example {subject} at {time}, {style}
       */
      text: string;
      /**
       * @example {
       *   "subject": "a lighthouse",
       *   "time": "dusk"
       * }
       */
      defaults?: {
        [key: string]: string;
      };
      /** @description Readable by every member of the organisation; only an organisation's admin may share */
      shared?: boolean;
    };
    /** @description The fields to change; an empty body changes nothing */
    UpdateTemplateRequest: {
      name?: string;
      /**
       * @description The prompt, with `{name}` placeholders (`[a-z_][a-z0-9_]*`); `{{` and `}}` are literal braces
       * @example {subject} at {time}, {style}
       */
      text?: string;
      /**
       * @example {
       *   "subject": "a lighthouse",
       *   "time": "dusk"
       * }
       */
      defaults?: {
        [key: string]: string;
      };
      /** @description Readable by every member of the organisation; only an organisation's admin may share */
      shared?: boolean;
    };
    DeadLetterPage: {
      data: components["schemas"]["DeadLetter"][];
      next_cursor: string | null;
    };
    DeadLetter: {
      message_id: string;
      session_id: string;
      user_id: string;
      /** @enum {string} */
      lane: "normal" | "high";
      /**
       * @description The pipeline stage a retry starts from: prompt, image or finalize
       * @enum {string}
       */
      stage: "prompt" | "image" | "finalize";
      /**
       * @description The step the message was in when it failed
       * @enum {string}
       */
      failed_stage: "queued" | "refining" | "generating" | "uploading" | "saving" | "done" | "failed" | "cancelled";
      error: {
        code: string;
        message: string;
        retryable: boolean;
      };
      attempts: number;
      failed_at: string;
    };
    QueuePage: {
      data: components["schemas"]["QueuedMessage"][];
      next_cursor: string | null;
    };
    QueuedMessage: {
      message_id: string;
      session_id: string;
      user_id: string;
      /** @enum {string} */
      lane: "normal" | "high";
      /**
       * @description PENDING: waiting (for a worker, or for an earlier message of its session); PROCESSING: running
       * @enum {string}
       */
      status: "PENDING" | "PROCESSING";
      /** @enum {string} */
      stage: "queued" | "refining" | "generating" | "uploading" | "saving" | "done" | "failed" | "cancelled";
      progress: number;
      attempts: number;
      created_at: string;
      updated_at: string;
    };
    RefineResponse: {
      original_prompt: string;
      /** @description The prompt for the image model; for `edit` / `enhance` the change to make; empty for `chat`. */
      refined_prompt: string;
      /** @enum {string} */
      intent: "generate" | "edit" | "enhance" | "chat";
      confidence: number;
      negative_prompt: string;
      /** @description The answer for `chat`; a short note of what will be made otherwise. */
      reply: string | null;
      /** @example offline */
      provider: string;
      /** @example atelier-offline-1 */
      model: string;
    };
    RefineRequest: {
      /** @example Please create a sunset landscape */
      prompt: string;
      context?: {
        /** @description Earlier turns of the conversation, oldest first (at most 20). */
        history?: components["schemas"]["PromptHistoryTurn"][];
        /** @description Whether an earlier image exists for `edit` / `enhance` to work on. */
        has_previous_image?: boolean;
      };
    };
    PromptHistoryTurn: {
      /** @example a lighthouse at sunset */
      content: string;
      /** @enum {string|null} */
      intent?: "generate" | "edit" | "enhance" | "chat" | null;
      refined_prompt?: string | null;
      /** @description Whether that turn ended with an image. Default false. */
      has_image?: boolean;
    };
    GeneratedImage: {
      /**
       * Format: uuid
       * @description The image's id in the caller's gallery (`/v1/gallery/{id}/`)
       * @example 019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e
       */
      id: string;
      /**
       * @description The stored file. Served by Atelier: signed and expiring (`MEDIA_URL_TTL_S`); on Cloudinary: its signed delivery URL
       * @example http://localhost:9999/media/users/019a0c4e-0000-7000-8000-000000000001/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png?expires=1767225600&signature=…
       */
      url: string;
      width: number;
      height: number;
      /** @enum {string} */
      format: "png" | "jpeg" | "webp";
      bytes: number;
      /** @example offline */
      provider: string;
      /** @example atelier-renderer-1 */
      model: string;
      seed: number;
      /** @description Flagged by moderation (the prompt check, the image model's safety ratings); filed so in the gallery. */
      is_nsfw: boolean;
    };
    /**
     * @example {
     *   "prompt": "a sunset over the ocean",
     *   "width": 1024,
     *   "aspect_ratio": "16:9",
     *   "seed": 7,
     *   "format": "png"
     * }
     */
    GenerateImageRequest: {
      /** @example a sunset over the ocean */
      prompt: string;
      /** @description Pixels, 64–2048. Default 1024, or derived from the other side and aspect_ratio. */
      width?: number;
      /** @description Pixels, 64–2048. Default 1024, or derived from the other side and aspect_ratio. */
      height?: number;
      /**
       * @description "W:H", e.g. "16:9". With one side given derives the other; alone, the long side is 1024.
       * @example 16:9
       */
      aspect_ratio?: string;
      /** @description Same prompt and seed, same image. Default: random. */
      seed?: number;
      /**
       * @default png
       * @enum {string}
       */
      format?: "png" | "jpeg" | "webp";
    };
    GalleryImagePage: {
      data: components["schemas"]["GalleryImage"][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      next_cursor: string | null;
    };
    CreateGalleryImage: {
      /** Format: uri */
      url: string;
      prompt: string;
      refined_prompt?: string;
      negative_prompt?: string;
      width: number;
      height: number;
      /** @enum {string} */
      format: "png" | "jpeg" | "webp" | "gif" | "avif";
      bytes?: number;
      /** Format: uuid */
      session_id?: string;
      /**
       * Format: uuid
       * @description The message this image answers. One record per message and user: posting again returns the filed one (200).
       */
      message_id?: string;
      /** @enum {string} */
      intent?: "generate" | "edit" | "enhance" | "chat";
      /** @default external */
      provider?: string;
      model?: string;
      seed?: number;
      /** @description Declare the image not safe for work. Only `true` counts: the record is also nsfw when its prompt is flagged by moderation, whatever is sent here. */
      is_nsfw?: boolean;
      metadata?: {
        [key: string]: unknown;
      };
    };
    TrashPage: {
      data: components["schemas"]["TrashedImage"][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      next_cursor: string | null;
    };
    TrashedImage: components["schemas"]["GalleryImage"] & {
      /**
       * Format: date-time
       * @description When the retention purge deletes it for good, file included: `deleted_at` plus TRASH_RETENTION_DAYS.
       * @example 2025-01-01T12:00:00.000Z
       */
      purge_at: string;
    };
    Album: {
      /** Format: uuid */
      id: string;
      name: string;
      /** @description Its images in the gallery (trashed ones are not counted until restored). */
      image_count: number;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @description Moves when it is renamed and when images are added or taken out.
       * @example 2025-01-01T12:00:00.000Z
       */
      updated_at: string;
    };
    AlbumName: {
      name: string;
    };
    AlbumPage: {
      data: components["schemas"]["Album"][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      next_cursor: string | null;
    };
    BulkImageResult: {
      succeeded: number;
      failed: number;
      /** @description One per distinct id, in the order given. */
      results: {
          /** Format: uuid */
          id: string;
          ok: boolean;
          /** @description Why it failed (when `ok` is false), in the codes of the error envelope: `not_found`, `conflict` (the wrong state), `storage_unavailable`… */
          error?: {
            /** @example not_found */
            code: string;
            message: string;
          };
        }[];
    };
    /**
     * @example {
     *   "action": "favorite",
     *   "ids": [
     *     "3fa85f64-5717-4562-b3fc-2c963f66afa6"
     *   ]
     * }
     */
    BulkImageAction: {
      /**
       * @description `delete` (to the trash), `restore`, `purge` (for good, file included), `favorite`, `unfavorite`, `add_to_album`, `remove_from_album`: each does what its single route does.
       * @enum {string}
       */
      action: "delete" | "restore" | "purge" | "favorite" | "unfavorite" | "add_to_album" | "remove_from_album";
      /** @description The images, 1 to 500; a repeated id is done once. */
      ids: string[];
      /**
       * Format: uuid
       * @description The album, for `add_to_album` and `remove_from_album` (and only for those).
       */
      album_id?: string;
    };
    MessageImages: {
      /** @description Variation by variation (`variation` 0, 1, …); live and trashed (see `deleted_at`). */
      data: components["schemas"]["GalleryImage"][];
    };
    /**
     * @example {
     *   "filter": {
     *     "q": "sunset"
     *   },
     *   "format": "zip"
     * }
     */
    CreateGalleryExport: {
      /** @description The caller's live images to export, in this order. Any id that is not one of them: 404. */
      ids?: string[];
      filter?: components["schemas"]["GalleryExportFilter"];
      /**
       * @description `png`, `jpg`, `webp`: each image converted (one image: that file; several: a zip of them with `metadata.json`). `pdf`: one image a page, its prompt under it. `zip`: the images in their own format, plus `metadata.json`.
       * @enum {string}
       */
      format: "png" | "jpg" | "webp" | "pdf" | "zip";
      /** @description Longest side of each image at most, in px: larger images are shrunk to it, in proportion; none is enlarged. Default: each image's own size. */
      size?: number;
      /** @description Encoder quality 1..100 for jpg, webp and the PDF's pictures (png is lossless and ignores it). */
      quality?: number;
    };
    /** @description The caller's live images that match every field given (those of the gallery's list). */
    GalleryExportFilter: {
      /** Format: uuid */
      session_id?: string;
      /** Format: uuid */
      message_id?: string;
      /** @enum {string} */
      intent?: "generate" | "edit" | "enhance" | "chat";
      /** @description Only images whose provider is exactly this. */
      provider?: string;
      /** @description Only images whose model is exactly this. */
      model?: string;
      is_nsfw?: boolean;
      favorite?: boolean;
      /**
       * Format: uuid
       * @description One of the caller's albums (another user's selects nothing).
       */
      album_id?: string;
      /**
       * Format: date-time
       * @description Only images created at or after this instant.
       * @example 2025-01-01T00:00:00Z
       */
      created_after?: string;
      /**
       * Format: date-time
       * @description Only images created before this instant.
       * @example 2025-01-01T00:00:00Z
       */
      created_before?: string;
      /** @description Words to find in the prompt or refined prompt (full-text: "sunsets" finds "sunset"; `"a phrase"`, `-word` and `or` work as in a web search). A blank `q` searches nothing. */
      q?: string;
    };
    EmptiedTrash: {
      /** @description How many images were deleted for good. */
      deleted: number;
    };
    RecalledParameters: {
      /** @description What the user asked for, in their words. */
      prompt: string | null;
      refined_prompt: string | null;
      negative_prompt: string | null;
      /** @description generate, edit or enhance. */
      intent: string | null;
      provider: string | null;
      model: string | null;
      seed: number | null;
      width: number | null;
      height: number | null;
      /** @description The Atelier version that made the image. */
      atelier_version: string | null;
    };
    ImageLineage: {
      image: components["schemas"]["GalleryImage"];
      /** @description Oldest first: the first image of the chain, …, the parent */
      ancestors: components["schemas"]["GalleryImage"][];
      /** @description Every image made from this one, directly or not, oldest first (at most 500) */
      descendants: components["schemas"]["GalleryImage"][];
    };
    NewShareLink: components["schemas"]["ShareLink"] & {
      /** @description Shown only here: Atelier keeps a hash of it, never the token */
      token: string;
      /** @description The public link, `{PUBLIC_URL}/s/{token}` */
      url: string;
    };
    ShareLink: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      image_id: string;
      allow_download: boolean;
      show_prompt: boolean;
      has_password: boolean;
      /** @description Pages and JSON reads of the link that showed the image (not image fetches) */
      views: number;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @description Null: never expires
       * @example 2025-01-01T12:00:00.000Z
       */
      expires_at: string | null;
      /**
       * Format: date-time
       * @example 2025-01-01T12:00:00.000Z
       */
      revoked_at: string | null;
    };
    SharedImage: {
      image: {
        /** @description The image (`/s/{token}/image`; signed for a few minutes when the link has a password) */
        url: string;
        /** @description Null unless the owner allows downloads */
        download_url: string | null;
        width: number;
        height: number;
        format: string;
        /** @description Null when the owner hides it */
        prompt: string | null;
        refined_prompt: string | null;
        /** Format: date-time */
        created_at: string;
      };
      owner: {
        display_name: string | null;
      };
      /** Format: date-time */
      expires_at: string | null;
    };
    WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
      /**
       * @description The signing secret (`whsec_` + base64): shown on creation and rotation only
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
    };
    WebhookEndpoint: {
      /** Format: uuid */
      id: string;
      url: string;
      events: ("message.completed" | "message.failed" | "message.cancelled" | "gallery.image.created" | "gallery.image.deleted")[];
      /** Format: date-time */
      created_at: string;
      /**
       * Format: date-time
       * @description Set when the receiver answered 410 Gone: nothing more is sent
       */
      disabled_at: string | null;
    };
    CreateWebhook: {
      /**
       * Format: uri
       * @description Where the events are POSTed: a public http(s) address
       * @example https://example.com/atelier-hooks
       */
      url: string;
      /**
       * @example [
       *   "message.completed"
       * ]
       */
      events: ("message.completed" | "message.failed" | "message.cancelled" | "gallery.image.created" | "gallery.image.deleted")[];
    };
    WebhookDeliveryPage: {
      data: components["schemas"]["WebhookDelivery"][];
      next_cursor: string | null;
    };
    WebhookDelivery: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      endpoint_id: string;
      /** @description The `webhook-id` header: the same on every attempt of one event */
      event_id: string;
      event_type: string;
      /** @description 1 for the first attempt */
      attempt: number;
      /** @description The receiver's status; null when no answer came */
      status_code: number | null;
      /** @description Why no answer came (timeout, refused address, connection error) */
      error: string | null;
      duration_ms: number;
      /** Format: date-time */
      at: string;
    };
  };
  responses: never;
  parameters: {
  };
  requestBodies: never;
  headers: {
    /** @description The id of this request: the `X-Request-Id` the client sent, else a new one (also `error.request_id`) */
    "X-Request-Id": string;
    /** @description Seconds to wait before trying again: always on our own 503s, on a provider's 429 or 503 when it said */
    "Retry-After": number;
    /** @description The scheme to authenticate with (RFC 6750): `Bearer realm="atelier"`, with `error="invalid_token"` when the one sent was refused */
    "WWW-Authenticate": string;
    /** @description The rate limit this operation counts against (draft-ietf-httpapi-ratelimit-headers): its name, `q` requests per `w` seconds, e.g. `"costly";q=30;w=60` (per user) or `"auth";q=30;w=60` (per address) */
    "RateLimit-Policy": string;
    /** @description Where the caller stands in that limit: `r` requests remaining, `t` seconds until the window starts again, e.g. `"costly";r=12;t=40` */
    RateLimit: string;
  };
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export interface operations {

  /** Liveness: the process is running (also while it starts) */
  getHealth: {
    responses: {
      /** @description Alive */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
    };
  };
  /** Readiness: started, and every dependency answers */
  getReadiness: {
    responses: {
      /** @description Ready */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Readiness"];
        };
      };
      /** @description Still starting, or a dependency is down (`checks` says which) */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Readiness"];
        };
      };
    };
  };
  /** This document (OpenAPI 3.1) */
  getOpenApiDocument: {
    responses: {
      /** @description The document */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The browsable API docs (Swagger UI, served locally) */
  getDocsPage: {
    responses: {
      /** @description The page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/html": string;
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The docs page's start-up script */
  getDocsScript: {
    responses: {
      /** @description The script */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/javascript": string;
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** One of the docs page's assets */
  getDocsAsset: {
    parameters: {
      path: {
        file: "swagger-ui.css" | "swagger-ui-bundle.js" | "favicon-32x32.png";
      };
    };
    responses: {
      /** @description The asset (cached for a day) */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/css": string;
          "text/javascript": string;
          "image/png": string;
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The realtime events (Socket.IO and Server-Sent Events) as an AsyncAPI 3.0 document */
  getAsyncApiDocument: {
    responses: {
      /** @description The document */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The web app: chat, gallery and usage (docs/web.md) */
  getWebApp: {
    responses: {
      /** @description The page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/html": string;
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The web app's script (bundled at start) */
  getWebAppScript: {
    parameters: {
      header?: {
        /** @description The ETag held: 304 while the file is unchanged */
        "if-none-match"?: string;
      };
    };
    responses: {
      /** @description The script */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description The file's content hash: send it back in `If-None-Match` */
          ETag: string;
          /** @description When the request accepts gzip */
          "Content-Encoding"?: "gzip";
        };
        content: {
          "text/javascript": string;
        };
      };
      /** @description Unchanged since the ETag in `If-None-Match` */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description The file's content hash: send it back in `If-None-Match` */
          ETag: string;
        };
        content: never;
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The web app's style sheet */
  getWebAppStyle: {
    parameters: {
      header?: {
        /** @description The ETag held: 304 while the file is unchanged */
        "if-none-match"?: string;
      };
    };
    responses: {
      /** @description The style sheet */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description The file's content hash: send it back in `If-None-Match` */
          ETag: string;
          /** @description When the request accepts gzip */
          "Content-Encoding"?: "gzip";
        };
        content: {
          "text/css": string;
        };
      };
      /** @description Unchanged since the ETag in `If-None-Match` */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description The file's content hash: send it back in `If-None-Match` */
          ETag: string;
        };
        content: never;
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Make an account
   * @description The instance's first account is its admin. After that, `AUTH_REGISTRATION` decides: `open` (anyone), `invite` (with an admin's `invite_token`) or `closed` (403).
   */
  register: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["RegisterRequest"];
      };
    };
    responses: {
      /** @description The account, signed in */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["AuthTokens"];
        };
      };
      /** @description The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests from this address (`rate_limited`, see `RateLimit`), or too many failed sign-ins; try again after `Retry-After` */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Sign in with email and password
   * @description An unknown email and a wrong password get the same 401. Repeated failures are slowed (429 with `Retry-After`).
   */
  logIn: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["LoginRequest"];
      };
    };
    responses: {
      /** @description Signed in */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["AuthTokens"];
        };
      };
      /** @description The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`); answered with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests from this address (`rate_limited`, see `RateLimit`), or too many failed sign-ins; try again after `Retry-After` */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Exchange a refresh token for a new pair
   * @description The refresh token is used up and a new one handed out (rotation). Presenting a used one again revokes every token of its sign-in: both holders must sign in again.
   */
  refreshToken: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["RefreshRequest"];
      };
    };
    responses: {
      /** @description A new access token and refresh token */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["AuthTokens"];
        };
      };
      /** @description The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`); answered with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests from this address (`rate_limited`, see `RateLimit`), or too many failed sign-ins; try again after `Retry-After` */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Sign out: revoke a refresh token and its sign-in
   * @description Answers 204 whether or not the token was known. Access tokens already handed out last until they expire.
   */
  logOut: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["RefreshRequest"];
      };
    };
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: never;
      };
      /** @description The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests from this address (`rate_limited`, see `RateLimit`), or too many failed sign-ins; try again after `Retry-After` */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Who the credential is: the user, their organisation, role, lane and what is left of their image quota */
  getMe: {
    responses: {
      /** @description The caller */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Me"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Your images made, failed and cancelled, tokens and estimated cost, by day, intent, provider or model
   * @description From the usage rollup, filled as messages end (docs/usage.md). Days are UTC; `from` and `to` are both included; at most 366 days.
   */
  getMyUsage: {
    parameters: {
      query?: {
        /** @description First UTC day counted (default: 29 days before `to`) */
        from?: string;
        /** @description Last UTC day counted, included (default: today) */
        to?: string;
        /** @description Default `day` */
        group_by?: "day" | "intent" | "provider" | "model";
      };
    };
    responses: {
      /** @description The report */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["UsageReport"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Your API keys (never their secret) */
  listApiKeys: {
    responses: {
      /** @description Newest first */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            items: components["schemas"]["ApiKey"][];
          };
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Make an API key acting as you
   * @description The key is in this answer only; it is stored hashed. Send it as `Authorization: Bearer atl_…`.
   */
  createApiKey: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateApiKeyRequest"];
      };
    };
    responses: {
      /** @description The key, shown this once */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["CreatedApiKey"];
        };
      };
      /** @description The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Revoke one of your API keys: it stops working at once */
  revokeApiKey: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Invite someone to your organisation (admin)
   * @description The token makes one account (`POST /v1/auth/register` with `invite_token`), with this role, until it expires.
   */
  createInvitation: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateInvitationRequest"];
      };
    };
    responses: {
      /** @description The invitation */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Invitation"];
        };
      };
      /** @description The body is not valid JSON (`invalid_json`), nests too deep, holds a NUL character, or fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Your organisation's members, oldest account first (admins) */
  listOrgMembers: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description A page of members */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["OrgMemberPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Change a member's role, lane or daily quota (admins)
   * @description `priority: high` puts their messages in the high lane. The organisation keeps at least one admin (demoting the last is a 409). An access token shows a new role or lane once refreshed; API keys at once.
   */
  updateOrgMember: {
    parameters: {
      path: {
        user_id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateOrgMemberRequest"];
      };
    };
    responses: {
      /** @description The member, changed */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["OrgMember"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Every API key of your organisation's members, newest first, never a secret (admins) */
  listOrgApiKeys: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description A page of keys */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["OrgApiKeyPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Set an API key's lane (admins)
   * @description `high` puts the messages posted with it in the high lane; `null` gives it its maker's lane. Holds from its next request.
   */
  updateOrgApiKey: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateOrgApiKeyRequest"];
      };
    };
    responses: {
      /** @description The key, changed */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["OrgApiKey"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Images your organisation's members made today and this month (admins)
   * @description Counted from the images Atelier filed in their galleries (trashed ones included; images deleted for good are not).
   */
  getOrgUsage: {
    responses: {
      /** @description The usage */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["OrgUsage"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Your organisation's usage, grouped like /v1/me/usage, and each member's totals (admins)
   * @description The same query as `GET /v1/me/usage`. `GET /v1/org/usage` stays the quick count of images this day and month.
   */
  getOrgUsageReport: {
    parameters: {
      query?: {
        /** @description First UTC day counted (default: 29 days before `to`) */
        from?: string;
        /** @description Last UTC day counted, included (default: today) */
        to?: string;
        /** @description Default `day` */
        group_by?: "day" | "intent" | "provider" | "model";
      };
    };
    responses: {
      /** @description The report */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["OrgUsageReport"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The user's sessions, newest first */
  listSessions: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description A page of sessions */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["SessionPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Start a conversation */
  createSession: {
    requestBody?: {
      content: {
        "application/json": components["schemas"]["CreateSessionRequest"];
      };
    };
    responses: {
      /** @description The new session */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** One session */
  getSession: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The session */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Delete a session and its messages; its gallery images go to the trash or stay
   * @description `images=trash` (the default) moves the images made in the session to the gallery's trash, from where each can be restored (`POST /v1/gallery/{id}/restore/`); `images=keep` leaves them in the gallery.
   */
  deleteSession: {
    parameters: {
      query?: {
        /** @description What happens to the session's gallery images: `trash` (default; restorable from the gallery's trash) or `keep` */
        images?: "trash" | "keep";
      };
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Rename a session
   * @description A session created without a title is titled from its first message; this replaces any title.
   */
  renameSession: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RenameSessionRequest"];
      };
    };
    responses: {
      /** @description The renamed session */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * A session's history, a page at a time (oldest or newest first)
   * @description Oldest first by default. `order=newest` opens a long conversation at its end: the newest page first, then `next_cursor` pages back to older messages. A cursor is valid only with the order it was made in (else 400).
   */
  listMessages: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
        /** @description Oldest first (the default) or newest first */
        order?: "oldest" | "newest";
      };
      path: {
        id: string;
      };
    };
    responses: {
      /** @description A page of messages */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["MessagePage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Send a message; the image is made in the background
   * @description Answers 202 at once with the PENDING message. A session carries out its messages one after another, in order: a message waits (`queued`) while an earlier one of the same session runs. Follow it with `message.updated` events over Socket.IO, or poll the URL in `Location`.
   */
  postMessage: {
    parameters: {
      header?: {
        /** @description Send the same key with the same body again to get the same message back (202, `Idempotent-Replayed: true`) instead of a second one, for as long as the message exists, even across a restart; the same key with another body is a 422. */
        "idempotency-key"?: string;
      };
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PostMessageRequest"];
      };
    };
    responses: {
      /** @description Accepted; the message runs when it is its session's turn */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
          /** @description The URL to poll */
          Location: string;
          /** @description Present when this is the message an earlier request with the same Idempotency-Key made */
          "Idempotent-Replayed"?: "true";
        };
        content: {
          "application/json": components["schemas"]["Message"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Understood but refused (e.g. an idempotency key reused with another body) */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests for this user (`rate_limited`, see `RateLimit`), or no image quota left (`quota_exceeded`: posting a message, generating an image); try again after `Retry-After` */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * One message (poll, long poll); the same shape as the `message.updated` event
   * @description Answers `ETag: W/"<sequence>"`, and `304` to an `If-None-Match` naming the current one. With `wait=N` (0–30 s) the answer is held until the message changes past the client's state (its `If-None-Match`, or else the message as it is now) or N seconds pass; then it is `304` (with `If-None-Match`) or the unchanged message. `queue_position` and `eta_ms` do not change the ETag.
   */
  getMessage: {
    parameters: {
      query?: {
        /** @description Hold the answer up to this many seconds for a change (long poll; at most 30) */
        wait?: number | null;
      };
      header?: {
        /** @description The ETag held: 304 while the message is unchanged */
        "if-none-match"?: string;
      };
      path: {
        id: string;
        message_id: string;
      };
    };
    responses: {
      /** @description The message */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description W/"<sequence>": send it back in `If-None-Match` */
          ETag: string;
        };
        content: {
          "application/json": components["schemas"]["Message"];
        };
      };
      /** @description Unchanged since the ETag in `If-None-Match` */
      304: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description W/"<sequence>": send it back in `If-None-Match` */
          ETag: string;
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Cancel a queued or running message: it ends CANCELLED, nothing is filed, its quota unit comes back */
  cancelMessage: {
    parameters: {
      path: {
        id: string;
        message_id: string;
      };
    };
    responses: {
      /** @description The message, CANCELLED */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Message"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Retry your FAILED message from the stage it failed in (takes one unit of the image quota again) */
  retryMessage: {
    parameters: {
      path: {
        id: string;
        message_id: string;
      };
    };
    responses: {
      /** @description The message, PENDING again */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Message"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Another image for a finished image message: a new message with the same refined prompt and intent, and a new seed
   * @description No prompt-model call: the new message starts at the image stage, when it is its session's turn. Takes one unit of the image quota. Send `{}` for a random seed.
   */
  regenerateMessage: {
    parameters: {
      path: {
        id: string;
        message_id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RegenerateRequest"];
      };
    };
    responses: {
      /** @description The new message, PENDING */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
          /** @description The URL to poll */
          Location: string;
        };
        content: {
          "application/json": components["schemas"]["Message"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * A session's message changes as Server-Sent Events
   * @description Every change of the session's messages as `message.updated` (the poll's shape), in order, each with `id:` its position in the session's event log. Reconnecting with `Last-Event-ID` (an `EventSource` does it by itself) first replays what was missed, then goes live: no gap, no duplicate. Without it, `after_sequence` replays each message's changes above that sequence; with neither, the stream is live only. Comment lines are heartbeats. The stream stays open until the client closes it. Send the credential as a bearer header (a fetch-based SSE client; see README).
   */
  streamSessionEvents: {
    parameters: {
      query?: {
        /** @description Replay each message's changes above this sequence */
        after_sequence?: number | null;
      };
      header?: {
        /** @description The `id:` of the last event received: the stream resumes after it */
        "last-event-id"?: string;
      };
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The event stream */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * One message's changes as Server-Sent Events, ending at its final state
   * @description The message's changes as `message.updated` (the poll's shape), each with `id:` its `sequence`: first those kept in the event log (all of them, or those after `Last-Event-ID`), then its current state if the log lacks it, then live ones. The stream ends after the final state (DONE or FAILED); for a message already final it replays and ends at once.
   */
  streamMessageEvents: {
    parameters: {
      header?: {
        /** @description The `id:` (sequence) of the last event received: the stream resumes after it */
        "last-event-id"?: string;
      };
      path: {
        id: string;
        message_id: string;
      };
    };
    responses: {
      /** @description The event stream */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description The message is final and the client already has its last change (`Last-Event-ID`): an `EventSource` stops reconnecting */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The user's prompt templates and their organisation's shared ones, newest first */
  listTemplates: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description One page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TemplatePage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Save a prompt template
   * @description A message can then be posted as `{template_id, variables}` instead of `content` (docs/templates.md).
   */
  createTemplate: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateTemplateRequest"];
      };
    };
    responses: {
      /** @description The new template */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Template"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** One template: the user's own, or one shared with their organisation */
  getTemplate: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The template */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Template"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Delete the user's own template */
  deleteTemplate: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Change the user's own template (the fields given; `defaults` as a whole) */
  updateTemplate: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateTemplateRequest"];
      };
    };
    responses: {
      /** @description The changed template */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Template"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The credential is valid but may not do this (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Your organisation's messages that failed for good, newest first (admins) */
  listDeadLetters: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description A page of dead letters */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["DeadLetterPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description An operators' route, and the credential is not an admin's (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Retry one of your organisation's failed messages from the stage it stopped at (admins) */
  retryDeadLetter: {
    parameters: {
      path: {
        message_id: string;
      };
    };
    responses: {
      /** @description The message, PENDING again */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Message"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description An operators' route, and the credential is not an admin's (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Your organisation's messages waiting or running, oldest first, with their lanes (admins)
   * @description A `high`-lane message goes ahead of `normal` ones posted up to `LANE_HIGH_LEAD_S` seconds before it, never further (see docs/organisations.md).
   */
  listOrgQueue: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description A page of the queue */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["QueuePage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description An operators' route, and the credential is not an admin's (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Refine a prompt and detect its intent
   * @description Turns what a user typed into a prompt an image model does well with, and says whether they want a new image, a change to the last one, an enhancement, or just to talk.
   */
  refinePrompt: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["RefineRequest"];
      };
    };
    responses: {
      /** @description The refinement */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["RefineResponse"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The provider blocked the prompt for safety (`safety_blocked`); rephrase it */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The provider refused our credentials (`provider_auth_failed`) or answered something unusable (`invalid_response`) */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Make an image from a prompt and store it
   * @description Size: width and height 64–2048 (default 1024×1024); aspect_ratio derives a missing side. The same prompt and seed give the same image. The image is filed in the caller's gallery under `id` (`GET /v1/gallery/{id}/`), where it can be trashed and deleted; `url` and `Location` are the stored file (signed and expiring when Atelier serves it: read the image again for a fresh URL).
   */
  generateImage: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["GenerateImageRequest"];
      };
    };
    responses: {
      /** @description The stored image */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
          /** @description The stored file (the same signed URL as `url`) */
          Location: string;
        };
        content: {
          "application/json": components["schemas"]["GeneratedImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Moderation (MODERATION_POLICY=block) or the provider refused the prompt or the image (`safety_blocked`); rephrase it */
      422: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The provider refused our credentials (`provider_auth_failed`) or answered something unusable (`invalid_response`) */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The user's gallery, newest or oldest first, filtered and searched (images in the trash are not listed) */
  listGalleryImages: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
        /** @description Only the images of this chat session. */
        session_id?: string;
        /** @description Only the image(s) this chat message made. */
        message_id?: string;
        /** @description Only images made with this intent. */
        intent?: "generate" | "edit" | "enhance" | "chat";
        /** @description Only images whose provider is exactly this. */
        provider?: string;
        /** @description Only images whose model is exactly this. */
        model?: string;
        /** @description Only images flagged nsfw (`true`) or only the others (`false`). Default: both. */
        is_nsfw?: "true" | "false";
        /** @description Only the favorites (`true`) or only the others (`false`). Default: both. */
        favorite?: "true" | "false";
        /** @description Only the images in this album of the caller's (not theirs, or no such album: 404). */
        album_id?: string;
        /** @description Only images created at or after this instant. */
        created_after?: string;
        /** @description Only images created before this instant. */
        created_before?: string;
        /** @description Words to find in the prompt or refined prompt (full-text: "sunsets" finds "sunset"; `"a phrase"`, `-word` and `or` work as in a web search). A blank `q` searches nothing. */
        q?: string;
        /** @description Newest first (the default) or oldest first. A cursor continues only the sort and filters it was made with. */
        sort?: "newest" | "oldest";
      };
    };
    responses: {
      /** @description One page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImagePage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** File an image that lives at a URL of its own (storage "external") */
  createGalleryImage: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateGalleryImage"];
      };
    };
    responses: {
      /** @description The `message_id` has an image already; that one is returned, unchanged */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Filed */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The user's trash, most recently deleted first, each with when it will be purged */
  listDeletedImages: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description One page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["TrashPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Empty the user's trash now: every trashed image and its file deleted for good
   * @description What the retention purge would do after TRASH_RETENTION_DAYS, now, for the caller's trash only. Each image is announced as `gallery.image.deleted` with `permanent: true`. An image whose file cannot be removed stays in the trash (and is not counted); emptying again retries it.
   */
  emptyTrash: {
    responses: {
      /** @description How many images were deleted for good */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["EmptiedTrash"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** The user's albums, newest first, each with its image count */
  listAlbums: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
    };
    responses: {
      /** @description One page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["AlbumPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Make an empty album */
  createAlbum: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["AlbumName"];
      };
    };
    responses: {
      /** @description The new album */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Album"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The user has the most albums one user may have (1000) */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** An album's images in the gallery, newest first (trashed ones show again once restored) */
  listAlbumImages: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
      path: {
        album_id: string;
      };
    };
    responses: {
      /** @description One page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImagePage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Put an image in an album (idempotent; many at once: `POST /v1/gallery/bulk/` `add_to_album`) */
  addAlbumImage: {
    parameters: {
      path: {
        album_id: string;
        id: string;
      };
    };
    responses: {
      /** @description The image is in the album */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such album, or no such image, for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The image is in the trash: restore it first */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Take an image out of an album; the image stays in the gallery (idempotent) */
  removeAlbumImage: {
    parameters: {
      path: {
        album_id: string;
        id: string;
      };
    };
    responses: {
      /** @description The image is not in the album */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such album, or no such image, for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** One album */
  getAlbum: {
    parameters: {
      path: {
        album_id: string;
      };
    };
    responses: {
      /** @description The album */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Album"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Delete an album; its images stay in the gallery and in their other albums */
  deleteAlbum: {
    parameters: {
      path: {
        album_id: string;
      };
    };
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Rename an album */
  updateAlbum: {
    parameters: {
      path: {
        album_id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AlbumName"];
      };
    };
    responses: {
      /** @description The renamed album */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Album"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** One action on up to 500 images; one that fails does not stop the others */
  bulkImageAction: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["BulkImageAction"];
      };
    };
    responses: {
      /** @description What happened to each image */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["BulkImageResult"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such album for this user (album actions; nothing was done) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * The image(s) a chat message made, live or in the trash, oldest first
   * @description Not found when the caller has no image of that message (another user's message, a chat reply, a failed message).
   */
  listMessageImages: {
    parameters: {
      path: {
        message_id: string;
      };
    };
    responses: {
      /** @description The message's images */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["MessageImages"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Export images (by id or by filter) as png, jpg, webp, a PDF or a zip
   * @description Answers 202 at once with the queued export; it is built in the background. Follow it with `gallery.export.updated` events over Socket.IO, or poll the URL in `Location`; once `done`, `download_url` is a signed link that works until `expires_at` (EXPORT_TTL_S), when the file is removed. At most EXPORT_MAX_IMAGES images (default 5000). png, jpg and webp exports of several images come as a zip of the converted images with `metadata.json`.
   */
  createExport: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateGalleryExport"];
      };
    };
    responses: {
      /** @description Queued */
      202: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
          /** @description The URL to poll */
          Location: string;
        };
        content: {
          "application/json": components["schemas"]["GalleryExport"];
        };
      };
      /** @description A bad field, an empty selection, more images than EXPORT_MAX_IMAGES, or an image with no stored file */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description An id that is not one of your live images (which one is not said) */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests for this user (`rate_limited`, see `RateLimit`), or no image quota left (`quota_exceeded`: posting a message, generating an image); try again after `Retry-After` */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
          "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
          RateLimit: components["headers"]["RateLimit"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** An export: its status, progress and, once done, a signed download URL */
  getExport: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The export */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryExport"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * The generation parameters written in an image file
   * @description Every image Atelier stores carries how it was made as XMP (prompt, refined and negative prompt, intent, provider, model, seed, size, Atelier version). Upload one (multipart `file`, or the image itself as the body) to read them back, e.g. to make it again with the same seed. At most 20 MB. Nothing is looked up or stored.
   */
  recallImageParameters: {
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
        "image/png": string;
        "image/jpeg": string;
        "image/webp": string;
        "image/avif": string;
        "image/gif": string;
        "image/tiff": string;
        "application/octet-stream": string;
      };
    };
    responses: {
      /** @description What the file says */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["RecalledParameters"];
        };
      };
      /** @description No `file` in the form (`validation_failed`), or an image without Atelier's parameters (`no_parameters`) */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The upload is larger than 20971520 bytes */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not an image upload: another content type, or bytes that are not an image */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** One image, live or in the trash (then `deleted_at` is set) */
  getGalleryImage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The image */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Move an image to the trash (idempotent: an image already there is returned unchanged) */
  deleteGalleryImage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The image, `deleted_at` set */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Where an image came from (its parents) and what was made from it (edits, enhances of it) */
  getImageLineage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The image and its lineage */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["ImageLineage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Star an image (idempotent) */
  favoriteImage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The image, `favorite` true */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The image is in the trash: restore it first */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Unstar an image, live or in the trash (idempotent) */
  unfavoriteImage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The image, `favorite` false */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Take an image out of the trash */
  restoreGalleryImage: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The image, `deleted_at` null */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["GalleryImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Remove an image and its stored file for good (live or in the trash) */
  deleteGalleryImagePermanently: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Gone */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The provider refused our credentials (`provider_auth_failed`) or answered something unusable (`invalid_response`) */
      502: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** An image's links, newest first (revoked and expired ones too) */
  listShares: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The links */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            items: components["schemas"]["ShareLink"][];
          };
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Make a public link to one of your live images
   * @description The token is returned once: only its hash is kept. See docs/gallery.md, "Share links".
   */
  createShare: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody?: {
      content: {
        "application/json": {
          /** @description Seconds until the link stops working (1 to 31536000); unset: until revoked */
          expires_in?: number;
          /** @description Visitors must give it (form field or `X-Share-Password`) */
          password?: string;
          /** @description Offer the file as a download (default true); viewing always works */
          allow_download?: boolean;
          /** @description Show the prompt on the page (default true) */
          show_prompt?: boolean;
        };
      };
    };
    responses: {
      /** @description The link */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["NewShareLink"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Revoke a link: it answers 404 from now on */
  revokeShare: {
    parameters: {
      path: {
        id: string;
        share_id: string;
      };
    };
    responses: {
      /** @description Revoked (or already revoked) */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** A shared image (public) */
  getSharePage: {
    parameters: {
      header?: {
        /** @description The link's password, when it has one */
        "x-share-password"?: string;
      };
      path: {
        /** @description The link's token */
        token: string;
      };
    };
    responses: {
      /** @description The image: a page when `Accept` names `text/html` (a browser), JSON otherwise */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description `noindex`: a shared link is not for search engines */
          "X-Robots-Tag"?: string;
        };
        content: {
          "text/html": string;
          "application/json": components["schemas"]["SharedImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such link, or revoked, expired, its image trashed, or a missing or wrong password: always the same answer */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/html": string;
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** A shared image behind a password (public): the form posts here */
  unlockSharePage: {
    parameters: {
      path: {
        /** @description The link's token */
        token: string;
      };
    };
    requestBody?: {
      content: {
        "application/x-www-form-urlencoded": {
          password?: string;
        };
        "application/json": {
          password?: string;
        };
      };
    };
    responses: {
      /** @description The image: a page when `Accept` names `text/html` (a browser), JSON otherwise */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description `noindex`: a shared link is not for search engines */
          "X-Robots-Tag"?: string;
        };
        content: {
          "text/html": string;
          "application/json": components["schemas"]["SharedImage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such link, or revoked, expired, its image trashed, or a missing or wrong password: always the same answer */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "text/html": string;
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body is not JSON */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * A shared image's file (public)
   * @description Always served for viewing (inline); `?download=1` serves it as an attachment, only when the owner allows downloads. A protected link needs `X-Share-Password` or the signed URL its page or JSON gave.
   */
  getSharedImageFile: {
    parameters: {
      query?: {
        download?: "0" | "1";
        expires?: string;
        signature?: string;
      };
      header?: {
        /** @description The link's password, when it has one */
        "x-share-password"?: string;
      };
      path: {
        /** @description The link's token */
        token: string;
      };
    };
    responses: {
      /** @description The file */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          /** @description `noindex`: a shared link is not for search engines */
          "X-Robots-Tag"?: string;
          /** @description `inline`, or `attachment` with `?download=1` */
          "Content-Disposition"?: string;
        };
        content: {
          "image/png": string;
          "image/jpeg": string;
          "image/webp": string;
          "image/gif": string;
          "image/avif": string;
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Too many requests (`rate_limited`: ours, or the provider's) or no quota left (`quota_exceeded`); `Retry-After` says how long */
      429: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A dependency is unavailable; try again */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Your webhook endpoints, newest first (never their secrets) */
  listWebhooks: {
    responses: {
      /** @description All of them (at most 20) */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": {
            items: components["schemas"]["WebhookEndpoint"][];
          };
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * Register a webhook endpoint for your events
   * @description Deliveries are signed per the Standard Webhooks specification with the secret in this answer (shown again only on rotation); see docs/webhooks.md. A URL whose host resolves to a private, loopback, link-local or multicast address is refused unless the operator allows it.
   */
  createWebhook: {
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateWebhook"];
      };
    };
    responses: {
      /** @description The endpoint, with its secret */
      201: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Conflicts with the current state */
      409: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Delete one of your endpoints and its delivery log; nothing more is sent to it */
  deleteWebhook: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: never;
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** Give an endpoint a new signing secret; the old one stops at once */
  rotateWebhookSecret: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The endpoint, with its new secret */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["WebhookEndpointWithSecret"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body larger than the limit (`payload_too_large`) */
      413: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description A body that is not `application/json` (`unsupported_media_type`) */
      415: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /** An endpoint's delivery log: every attempt, newest first */
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. Default 20. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
      path: {
        id: string;
      };
    };
    responses: {
      /** @description One page */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["WebhookDeliveryPage"];
        };
      };
      /** @description Malformed JSON or a field that fails validation */
      400: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No credential, or one that is not valid (`unauthenticated`), with `WWW-Authenticate: Bearer` */
      401: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  /**
   * A stored image file (local disk storage), by its signed URL
   * @description The URL comes from the API (`url` of an image or message) and is the credential: no `Authorization` needed. `key` is the storage key, slashes included (`users/{user}/{image}.png`), sent as the API links it or encoded as one segment (`users%2F{user}%2F{image}.png`, as generated clients send a path parameter); `expires` and `signature` sign it (HMAC-SHA256 over the path and the expiry). Unsigned, expired or altered: 403. Cacheable privately until it expires.
   */
  getMedia: {
    parameters: {
      query: {
        /** @description Unix time (seconds) after which the URL is refused */
        expires: string;
        /** @description base64url HMAC-SHA256 of the path and `expires` */
        signature: string;
      };
      path: {
        key: string;
      };
    };
    responses: {
      /** @description The image, or the export file (zip, PDF: with `Content-Disposition: attachment`) */
      200: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "image/png": string;
          "image/jpeg": string;
          "image/webp": string;
          "application/zip": string;
          "application/pdf": string;
        };
      };
      /** @description The URL is unsigned, expired, or its path, expiry or signature was changed (`forbidden`) */
      403: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description No such resource for this user */
      404: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description The system is starting or stopping, or a dependency is down (`service_unavailable`); try again after `Retry-After` */
      503: {
        headers: {
          "X-Request-Id": components["headers"]["X-Request-Id"];
          "Retry-After": components["headers"]["Retry-After"];
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}
