import { z } from '@hono/zod-openapi';
import type { MediaLinks } from '../image-service/index.js';
import { nestingWithin } from '../shared/json.js';
import { idSchema } from '../shared/http.js';
import { PageQuery } from '../shared/pagination.js';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import { INTENTS } from '../prompt-service/index.js';
import { GALLERY_STORAGES, type GalleryImageRow } from './schema.js';

/** Wire schemas of the gallery (snake_case); rows are mapped to them once, by {@link toImageWire}. */

/** The formats a gallery record may claim: what the image service makes, plus common web formats. */
export const GALLERY_FORMATS = ['png', 'jpeg', 'webp', 'gif', 'avif'] as const;

/** Sides up to 16384 px: large enough for any upscaled image, small enough to catch a typo. */
export const MAX_SIDE = 16_384;

/** `metadata` is for small facts (a tool name, a tag list), not a place to park documents. */
export const MAX_METADATA_BYTES = 8 * 1024;
/** How deep `metadata` may nest: deep enough for facts, shallow enough for every JSON parser. */
export const MAX_METADATA_DEPTH = 8;

const timestamp = z.iso.datetime().openapi({ example: '2025-01-01T12:00:00.000Z' });

export const GalleryImage = z
  .object({
    id: z.uuid(),
    session_id: z.uuid().nullable(),
    message_id: z.uuid().nullable().openapi({ description: 'The chat message this image answers, if any.' }),
    parent_image_id: z.uuid().nullable().openapi({ description: 'The image this one was made from (an edit or enhance of it); null for a new image. See `GET /v1/gallery/{id}/lineage/`.' }),
    prompt: z.string(),
    refined_prompt: z.string().nullable(),
    intent: z.string().nullable(),
    provider: z.string(),
    model: z.string().nullable(),
    seed: z.number().int().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    format: z.string(),
    bytes: z.number().int().nullable(),
    url: z.string(),
    thumbnail_url: z.string().nullable().openapi({
      description: 'A 256×256 WebP (cropped to fill) for grids, signed and expiring like `url` when Atelier serves it; null for an external image.',
    }),
    storage: z.enum(GALLERY_STORAGES),
    is_nsfw: z.boolean().openapi({
      description: 'Not safe for work: flagged by moderation (the prompt check, the image model\'s safety ratings) or declared by the client that filed it. A client decides how to show it.',
    }),
    metadata: z.record(z.string(), z.unknown()),
    created_at: timestamp,
    updated_at: timestamp,
    deleted_at: timestamp.nullable().openapi({ description: 'Set while the image is in the trash.' }),
  })
  .openapi('GalleryImage');
export type GalleryImage = z.infer<typeof GalleryImage>;

export const GalleryImagePage = z
  .object({
    data: z.array(GalleryImage),
    next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('GalleryImagePage');

export const TrashedImage = GalleryImage.extend({
  purge_at: timestamp.openapi({ description: 'When the retention purge deletes it for good, file included: `deleted_at` plus TRASH_RETENTION_DAYS.' }),
}).openapi('TrashedImage');

export const TrashPage = z
  .object({
    data: z.array(TrashedImage),
    next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('TrashPage');

export const EmptiedTrash = z
  .object({ deleted: z.number().int().openapi({ description: 'How many images were deleted for good.' }) })
  .openapi('EmptiedTrash');

/** `GET /v1/gallery/`: a page, optionally only the nsfw images or only the others. */
export const ListImagesQuery = PageQuery.extend({
  is_nsfw: z
    .enum(['true', 'false'], { message: 'is_nsfw must be "true" or "false"' })
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description: 'Only images flagged nsfw (`true`) or only the others (`false`). Default: both.' }),
});

export const ImageIdParam = z.object({
  id: idSchema('an image').openapi({ param: { name: 'id', in: 'path' }, example: '01950000-0000-7000-8000-000000000000' }),
});

const side = z.int().min(1).max(MAX_SIDE);

/** `POST /v1/gallery`: file an image that lives elsewhere (storage `external`). */
export const CreateImageBody = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).max(2048),
    prompt: z.string().trim().min(1).max(MAX_PROMPT_CHARS),
    refined_prompt: z.string().trim().max(8000).optional(),
    width: side,
    height: side,
    format: z.enum(GALLERY_FORMATS),
    bytes: z.int().min(0).max(2_147_483_647).optional(),
    session_id: idSchema('a session').optional(),
    message_id: idSchema('a message')
      .optional()
      .openapi({ description: 'The message this image answers. One record per message and user: posting again returns the filed one (200).' }),
    intent: z.enum(INTENTS).optional(),
    provider: z.string().trim().min(1).max(100).default('external'),
    model: z.string().trim().min(1).max(200).optional(),
    seed: z.int().optional(),
    is_nsfw: z.boolean().optional().openapi({
      description:
        'Declare the image not safe for work. Only `true` counts: the record is also nsfw when its prompt is flagged by moderation, whatever is sent here.',
    }),
    metadata: z
      .record(z.string(), z.unknown())
      // Depth first, without recursion: a deeply nested value must not reach JSON.stringify.
      .refine((value) => nestingWithin(value, MAX_METADATA_DEPTH), {
        message: `metadata must nest at most ${MAX_METADATA_DEPTH} levels deep`,
        abort: true,
      })
      .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= MAX_METADATA_BYTES, {
        message: `metadata must be at most ${MAX_METADATA_BYTES} bytes as JSON`,
      })
      .optional(),
  })
  .openapi('CreateGalleryImage');
export type CreateImageBody = z.infer<typeof CreateImageBody>;

/** A row as the wire shape: what the routes return and what the realtime events carry. */
export function toImageWire(row: GalleryImageRow, links: MediaLinks): GalleryImage {
  return {
    id: row.id,
    session_id: row.sessionId,
    message_id: row.messageId,
    parent_image_id: row.parentImageId,
    prompt: row.prompt,
    refined_prompt: row.refinedPrompt,
    intent: row.intent,
    provider: row.provider,
    model: row.model,
    seed: row.seed,
    width: row.width,
    height: row.height,
    format: row.format,
    bytes: row.bytes,
    url: links.urlOf(row),
    thumbnail_url: links.thumbnailOf(row),
    storage: row.storage,
    is_nsfw: row.isNsfw,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: row.deletedAt?.toISOString() ?? null,
  };
}
