import { z } from '@hono/zod-openapi';
import type { MediaLinks } from '../image-service/index.js';
import { nestingWithin } from '../shared/json.js';
import { idSchema } from '../shared/http.js';
import { PageQuery } from '../shared/pagination.js';
import { isStorableText, MAX_PROMPT_CHARS } from '../shared/text.js';
import { INTENTS } from '../prompt-service/index.js';
import { ProviderUsageWire, toUsageWire, type PriceTable } from '../shared/usage.js';
import { DEFAULT_PRICES, estimateCost } from '../usage/index.js';
import { GALLERY_SORTS, type GalleryFilter, type GallerySort } from './list-filter.js';
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
    variation: z.number().int().min(0).openapi({ description: "Which of its message's variations (`options.n`) it is, from 0; 0 for every other image." }),
    parent_image_id: z.uuid().nullable().openapi({ description: 'The image this one was made from (an edit or enhance of it); null for a new image. See `GET /v1/gallery/{id}/lineage/`.' }),
    prompt: z.string(),
    refined_prompt: z.string().nullable(),
    negative_prompt: z.string().nullable().openapi({ description: 'What the image should not show, as the prompt service refined it.' }),
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
    favorite: z.boolean().openapi({ description: 'Starred by its owner (`PUT /v1/gallery/{id}/favorite/`).' }),
    cost: z.number().nullable().openapi({
      description: "Estimated US dollars its provider calls cost, from the price table (PRICE_TABLE over the defaults, docs/usage.md), worked out when read; null when its usage is not known or a model it used has no price.",
    }),
    usage: z.array(ProviderUsageWire).openapi({ description: "What each provider call that made it used (its message's `usage`); empty when not known." }),
    timings_ms: z.record(z.string(), z.number()).openapi({
      description: "Milliseconds each pipeline stage took before the image was filed (its message's `timings_ms`: refining, generating, uploading); empty when not known.",
    }),
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

/** The longest `q`: a search is a few words, not a document. */
export const MAX_QUERY_CHARS = 200;

export const instant = (name: string, description: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO 8601 date-time, such as 2025-01-01T00:00:00Z` })
    .transform((value) => new Date(value))
    // Years Postgres takes as written (it has no year 0, and JavaScript writes years before 1 as "-000001").
    .refine((date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999, `${name} must be between the years 1 and 9999`)
    .optional()
    .openapi({ description, example: '2025-01-01T00:00:00Z' });

export const label = (name: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max)
    .refine((value) => isStorableText(value), `${name} must not contain NUL characters or unpaired surrogates`)
    .optional()
    .openapi({ description: `Only images whose ${name} is exactly this.` });

/**
 * `GET /v1/gallery/`: a page of the gallery, narrowed by any of the filters (all must hold), in
 * either order. docs/gallery.md, "Finding images".
 */
/** The search words of a list or an export filter (`q`). */
export const searchText = z
  .string()
  .max(MAX_QUERY_CHARS, `q must be at most ${MAX_QUERY_CHARS} characters`)
  .refine((value) => isStorableText(value), 'q must not contain NUL characters or unpaired surrogates')
  .transform((value) => value.trim() || undefined)
  .optional()
  .openapi({
    description:
      'Words to find in the prompt or refined prompt (full-text: "sunsets" finds "sunset"; `"a phrase"`, `-word` and `or` work as in a web search). A blank `q` searches nothing.',
  });

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
  session_id: idSchema('a session').optional().openapi({ description: "Only the images of this chat session." }),
  message_id: idSchema('a message').optional().openapi({ description: 'Only the image(s) this chat message made.' }),
  intent: z
    .enum(INTENTS, { message: `intent must be one of ${INTENTS.join(', ')}` })
    .optional()
    .openapi({ description: 'Only images made with this intent.' }),
  provider: label('provider', 100),
  model: label('model', 200),
  is_nsfw: z
    .enum(['true', 'false'], { message: 'is_nsfw must be "true" or "false"' })
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description: 'Only images flagged nsfw (`true`) or only the others (`false`). Default: both.' }),
  favorite: z
    .enum(['true', 'false'], { message: 'favorite must be "true" or "false"' })
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description: 'Only the favorites (`true`) or only the others (`false`). Default: both.' }),
  album_id: idSchema('an album')
    .optional()
    .openapi({ description: "Only the images in this album of the caller's (not theirs, or no such album: 404)." }),
  created_after: instant('created_after', 'Only images created at or after this instant.'),
  created_before: instant('created_before', 'Only images created before this instant.'),
  q: searchText,
  sort: z
    .enum(GALLERY_SORTS, { message: 'sort must be "newest" or "oldest"' })
    .default('newest')
    .openapi({ description: 'Newest first (the default) or oldest first. A cursor continues only the sort and filters it was made with.' }),
}).refine((query) => !(query.created_after && query.created_before && query.created_after >= query.created_before), {
  message: 'created_after must be before created_before',
  path: ['created_after'],
});
export type ListImagesQuery = z.infer<typeof ListImagesQuery>;

/** The list's query as a filter and a sort (wire names to code names, once). */
export function toListFilter(query: ListImagesQuery): { sort: GallerySort; filter: GalleryFilter } {
  return {
    sort: query.sort,
    filter: {
      sessionId: query.session_id,
      messageId: query.message_id,
      intent: query.intent,
      provider: query.provider,
      model: query.model,
      isNsfw: query.is_nsfw,
      createdAfter: query.created_after,
      createdBefore: query.created_before,
      q: query.q,
      favorite: query.favorite,
      albumId: query.album_id,
    },
  };
}

export const MessageIdParam = z.object({
  message_id: idSchema('a message').openapi({ param: { name: 'message_id', in: 'path' }, example: '01950000-0000-7000-8000-000000000000' }),
});

export const MessageImages = z
  .object({ data: z.array(GalleryImage).openapi({ description: 'Variation by variation (`variation` 0, 1, …); live and trashed (see `deleted_at`).' }) })
  .openapi('MessageImages');

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
    negative_prompt: z.string().trim().max(8000).optional(),
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
export function toImageWire(row: GalleryImageRow, ctx: { links: MediaLinks; prices?: PriceTable | undefined }): GalleryImage {
  const { links } = ctx;
  return {
    id: row.id,
    session_id: row.sessionId,
    message_id: row.messageId,
    variation: row.variation,
    parent_image_id: row.parentImageId,
    prompt: row.prompt,
    refined_prompt: row.refinedPrompt,
    // Rows filed before the column existed kept it in metadata.
    negative_prompt: row.negativePrompt ?? (typeof row.metadata.negative_prompt === 'string' ? row.metadata.negative_prompt : null),
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
    favorite: row.favoritedAt !== null,
    usage: row.usage.map(toUsageWire),
    cost: row.usage.length === 0 ? null : estimateCost(row.usage, ctx.prices ?? DEFAULT_PRICES),
    timings_ms: row.timings,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: row.deletedAt?.toISOString() ?? null,
  };
}
