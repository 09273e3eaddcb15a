import { getTableColumns, sql } from 'drizzle-orm';
import { STORAGE_KINDS, type StorageKind } from '../image-service/index.js';
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Where an image's file lives (the image service's storage kinds, the one list of them). */
export const GALLERY_STORAGES = STORAGE_KINDS;
export type GalleryStorage = StorageKind;

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Postgres's `tsvector` (drizzle has no built-in type for it). Written by Postgres only. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** What one provider call used making an image (the message's `usage`, kept with its image). */
export interface ImageUsage {
  /** The pipeline stage that made the call (`refining`, `generating`, …). */
  stage: string;
  provider: string;
  model: string;
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
}

/**
 * The text the gallery's search reads: the prompt and the refined prompt, twice: stemmed as
 * English ("sunsets" finds "sunset"; stop words dropped) and as written ('simple': any language,
 * every word). docs/gallery.md, "Finding images", says why both. The query side is
 * {@link searchQuery} in list-filter.ts, which must use the same two configurations.
 */
const SEARCH_TEXT = sql.raw(`coalesce("prompt", '') || ' ' || coalesce("refined_prompt", '')`);
const SEARCH_VECTOR = sql`to_tsvector('english'::regconfig, ${SEARCH_TEXT}) || to_tsvector('simple'::regconfig, ${SEARCH_TEXT})`;

/**
 * One row per image in a user's gallery. A row the pipeline filed for a chat message carries its
 * `message_id` and its `variation` (a message may make up to four), unique together among the
 * pipeline's rows, so the finalize stage can run again without filing an image twice. An
 * external row (filed by a client) may name a message too, once per user, but can never take the
 * pipeline's place for it.
 * No foreign keys and no enums: sessions and messages may live in MongoDB, and the migration must
 * apply to any schema.
 */
export const galleryImages = pgTable(
  'gallery_images',
  {
    /** UUIDv7, so ordering by id is ordering by creation. */
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    /** The owner's organisation (null on rows filed before organisations existed). */
    orgId: text('org_id'),
    sessionId: uuid('session_id'),
    messageId: uuid('message_id'),
    /** Which of its message's variations (`options.n`) it is, from 0; 0 for every other image. */
    variation: smallint('variation').notNull().default(0),
    /** The image an edit or enhance worked on (its lineage: docs/lineage.md); null for a new image. No foreign key: a parent deleted for good leaves its children. */
    parentImageId: uuid('parent_image_id'),
    prompt: text('prompt').notNull(),
    refinedPrompt: text('refined_prompt'),
    /** What the image should not show, as the prompt service refined it. */
    negativePrompt: text('negative_prompt'),
    intent: text('intent'),
    provider: text('provider').notNull(),
    model: text('model'),
    seed: bigint('seed', { mode: 'number' }),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    format: text('format').notNull(),
    /** Unknown for a linked (external) image whose creator did not say. */
    bytes: integer('bytes'),
    /** The file's own URL (Cloudinary, an external image); null on disk, where it is built from the key when read. */
    url: text('url'),
    thumbnailUrl: text('thumbnail_url'),
    storage: text('storage', { enum: GALLERY_STORAGES }).notNull(),
    /** The storage's key for the file (disk path, Cloudinary public id); null for external images. */
    storageKey: text('storage_key'),
    /** Flagged by moderation (the prompt check, and the image model's safety ratings). */
    isNsfw: boolean('is_nsfw').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    /** What each provider call that made it used (the message's usage); empty when unknown. */
    usage: jsonb('usage').$type<ImageUsage[]>().notNull().default([]),
    /** Milliseconds each pipeline stage took before it was filed (the message's timings); empty when unknown. */
    timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
    /** Full-text search vector of the prompts, kept by Postgres; never selected (see {@link imageColumns}). */
    search: tsvector('search').notNull().generatedAlwaysAs(SEARCH_VECTOR),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    /** Set while the image is in the trash. */
    deletedAt: timestamptz('deleted_at'),
    /** When the owner starred it; null when it is not a favorite. */
    favoritedAt: timestamptz('favorited_at'),
  },
  (t) => [
    // Partial indexes: the gallery and the trash of one user are each one range of one index,
    // read backwards for "newest first" (ascending keys match `order by … desc` scanned backwards;
    // a `desc nulls last` key would not).
    index('gallery_images_user_live_idx').on(t.userId, t.id).where(sql`${t.deletedAt} is null`),
    // `favorite=true`: the user's live favorites, one range, newest first like the gallery.
    index('gallery_images_user_favorite_idx').on(t.userId, t.id).where(sql`${t.deletedAt} is null and ${t.favoritedAt} is not null`),
    index('gallery_images_user_trash_idx').on(t.userId, t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
    // Finding images (docs/gallery.md): a session's images and a message's image(s) of one user;
    // a window of creation times; the full-text search (GIN, over live rows only).
    index('gallery_images_user_session_idx').on(t.userId, t.sessionId, t.id).where(sql`${t.deletedAt} is null and ${t.sessionId} is not null`),
    index('gallery_images_user_message_idx').on(t.userId, t.messageId).where(sql`${t.messageId} is not null`),
    index('gallery_images_user_created_idx').on(t.userId, t.createdAt).where(sql`${t.deletedAt} is null`),
    index('gallery_images_search_idx').using('gin', t.search).where(sql`${t.deletedAt} is null`),
    // The retention purge, across users: the oldest trashed rows first, one range of one index.
    index('gallery_images_trash_purge_idx').on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
    // The lineage walks down from an image to the ones made from it.
    index('gallery_images_user_parent_idx').on(t.userId, t.parentImageId).where(sql`${t.parentImageId} is not null`),
    check('gallery_images_storage_check', sql`${t.storage} in ('disk', 'cloudinary', 'external')`),
    uniqueIndex('gallery_images_pipeline_message_variation_idx').on(t.messageId, t.variation).where(sql`${t.storage} <> 'external'`),
    uniqueIndex('gallery_images_external_user_message_id_idx').on(t.userId, t.messageId).where(sql`${t.storage} = 'external'`),
  ],
);

/** A gallery row as the service reads it: every column but the search vector. */
export type GalleryImageRow = Omit<typeof galleryImages.$inferSelect, 'search'>;
export type NewGalleryImageRow = typeof galleryImages.$inferInsert;

/** The columns a query selects or returns (`select(imageColumns)`): all but the search vector, which no reader needs. */
export const imageColumns = (({ search: _search, ...columns }) => columns)(getTableColumns(galleryImages));

/**
 * A user's album: a named set of their images (an image can be in several). Deleting an album
 * deletes its memberships, never its images.
 */
export const galleryAlbums = pgTable(
  'gallery_albums',
  {
    /** UUIDv7, so ordering by id is ordering by creation. */
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('gallery_albums_user_idx').on(t.userId, t.id)],
);

export type GalleryAlbumRow = typeof galleryAlbums.$inferSelect;

/**
 * Which image is in which album. No foreign keys (like `gallery_images`: the migration applies to
 * any schema); the album's and the image's own deletes remove their rows here, and every read
 * joins both tables, so a row left behind by another path (a purge elsewhere) is never seen and
 * never comes back (ids are not reused).
 * `user_id` is the owner of both, so every query stays within one user's rows.
 */
export const galleryAlbumImages = pgTable(
  'gallery_album_images',
  {
    albumId: uuid('album_id').notNull(),
    imageId: uuid('image_id').notNull(),
    userId: text('user_id').notNull(),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (t) => [
    // An album's images, newest image first (the gallery's order), one range of the key.
    primaryKey({ columns: [t.albumId, t.imageId] }),
    // An image's albums: what a purge removes.
    index('gallery_album_images_user_image_idx').on(t.userId, t.imageId),
  ],
);

/**
 * A public link to one image (docs/gallery.md, "Share links"). Only a SHA-256 of the token is
 * kept: the token is 192 random bits, so a hash without salt is enough, and a leaked table holds
 * no working link. The password, when there is one, is an scrypt hash (identity's).
 */
export const galleryShares = pgTable(
  'gallery_shares',
  {
    /** UUIDv7. */
    id: uuid('id').primaryKey(),
    /** The owner: the image's user. */
    userId: text('user_id').notNull(),
    imageId: uuid('image_id').notNull(),
    /** base64url SHA-256 of the token. */
    tokenHash: text('token_hash').notNull(),
    passwordHash: text('password_hash'),
    allowDownload: boolean('allow_download').notNull().default(true),
    showPrompt: boolean('show_prompt').notNull().default(true),
    /** Opened pages and JSON reads (not image fetches), counted with `views = views + 1`. */
    views: bigint('views', { mode: 'number' }).notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /** Null: it never expires. */
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    uniqueIndex('gallery_shares_token_hash_idx').on(t.tokenHash),
    index('gallery_shares_user_image_idx').on(t.userId, t.imageId, t.id),
  ],
);

export type GalleryShareRow = typeof galleryShares.$inferSelect;
/** Where an export is: queued, being built, ready to download, failed, or past its TTL (file removed). */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** What an export is made as: one image format (a zip of them when there are several), a PDF, or a zip of the originals. */
export const EXPORT_FORMATS = ['png', 'jpg', 'webp', 'pdf', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * One row per export a user asked for (docs/gallery.md, "Exports"). The selection is resolved
 * when it is asked for and kept here (`image_ids`, in export order), so a filter means "the
 * images that matched then", and the job reads nothing but this row and those images.
 */
export const galleryExports = pgTable(
  'gallery_exports',
  {
    /** UUIDv7. */
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    status: text('status', { enum: EXPORT_STATUSES }).notNull().default('queued'),
    format: text('format', { enum: EXPORT_FORMATS }).notNull(),
    /** Longest side of each image, in px; null keeps each image's own size. */
    size: integer('size'),
    /** 1..100 for jpg, webp and the PDF's pictures; null: the encoder's default. */
    quality: integer('quality'),
    imageIds: uuid('image_ids').array().notNull(),
    /** Images written so far, of `total`. */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull(),
    /** The file's storage key once built (`users/{userId}/exports/{id}.{ext}` under the media folder). */
    fileKey: text('file_key'),
    bytes: bigint('bytes', { mode: 'number' }),
    /** Why it failed, in words fit for the client. */
    error: text('error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    completedAt: timestamptz('completed_at'),
    /** When the file and its download URL stop: `completed_at` + EXPORT_TTL_S. */
    expiresAt: timestamptz('expires_at'),
  },
  (t) => [
    index('gallery_exports_user_idx').on(t.userId, t.id),
    check('gallery_exports_status_check', sql`${t.status} in ('queued', 'running', 'done', 'failed', 'expired')`),
    check('gallery_exports_format_check', sql`${t.format} in ('png', 'jpg', 'webp', 'pdf', 'zip')`),
  ],
);

export type GalleryExportRow = typeof galleryExports.$inferSelect;
export type NewGalleryExportRow = typeof galleryExports.$inferInsert;
