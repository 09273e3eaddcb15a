import { sql } from 'drizzle-orm';
import { STORAGE_KINDS, type StorageKind } from '../image-service/index.js';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Where an image's file lives (the image service's storage kinds, the one list of them). */
export const GALLERY_STORAGES = STORAGE_KINDS;
export type GalleryStorage = StorageKind;

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per image in a user's gallery. A row the pipeline filed for a chat message carries its
 * `message_id`, unique among the pipeline's rows, so the finalize stage can run again without
 * filing a second image. An external row (filed by a client) may name a message too, once per
 * user, but can never take the pipeline's place for it.
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
    /** The image an edit or enhance worked on (its lineage: docs/lineage.md); null for a new image. No foreign key: a parent deleted for good leaves its children. */
    parentImageId: uuid('parent_image_id'),
    prompt: text('prompt').notNull(),
    refinedPrompt: text('refined_prompt'),
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
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    /** Set while the image is in the trash. */
    deletedAt: timestamptz('deleted_at'),
  },
  (t) => [
    // Partial indexes: the gallery and the trash of one user are each one range of one index,
    // read backwards for "newest first" (ascending keys match `order by … desc` scanned backwards;
    // a `desc nulls last` key would not).
    index('gallery_images_user_live_idx').on(t.userId, t.id).where(sql`${t.deletedAt} is null`),
    index('gallery_images_user_trash_idx').on(t.userId, t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
    // The retention purge, across users: the oldest trashed rows first, one range of one index.
    index('gallery_images_trash_purge_idx').on(t.deletedAt, t.id).where(sql`${t.deletedAt} is not null`),
    // The lineage walks down from an image to the ones made from it.
    index('gallery_images_user_parent_idx').on(t.userId, t.parentImageId).where(sql`${t.parentImageId} is not null`),
    check('gallery_images_storage_check', sql`${t.storage} in ('disk', 'cloudinary', 'external')`),
    uniqueIndex('gallery_images_pipeline_message_id_idx').on(t.messageId).where(sql`${t.storage} <> 'external'`),
    uniqueIndex('gallery_images_external_user_message_id_idx').on(t.userId, t.messageId).where(sql`${t.storage} = 'external'`),
  ],
);

export type GalleryImageRow = typeof galleryImages.$inferSelect;
export type NewGalleryImageRow = typeof galleryImages.$inferInsert;
