import { z } from '@hono/zod-openapi';
import { mediaPath } from '../../image-service/index.js';
import { idSchema } from '../../shared/http.js';
import { INTENTS } from '../../prompt-service/index.js';
import { instant, label, searchText } from '../schemas.js';
import { EXPORT_FORMATS, EXPORT_STATUSES, type GalleryExportRow } from '../schema.js';
import type { ExportsContext } from './context.js';

/** Wire schemas of the exports (snake_case); a row is mapped once, by {@link toExportWire}. */

/** The largest `size` (longest side) an export may ask for. */
export const MAX_EXPORT_SIDE = 8192;
/** The most ids a request may name at all; EXPORT_MAX_IMAGES is the operator's (lower) cap. */
const MAX_IDS = 100_000;

const timestamp = z.iso.datetime().openapi({ example: '2025-01-01T12:00:00.000Z' });

export const ExportFilterBody = z
  .strictObject({
    session_id: idSchema('a session').optional(),
    message_id: idSchema('a message').optional(),
    intent: z.enum(INTENTS, { message: `intent must be one of ${INTENTS.join(', ')}` }).optional(),
    provider: label('provider', 100),
    model: label('model', 200),
    is_nsfw: z.boolean().optional(),
    favorite: z.boolean().optional(),
    album_id: idSchema('an album').optional().openapi({ description: "One of the caller's albums (another user's selects nothing)." }),
    created_after: instant('created_after', 'Only images created at or after this instant.'),
    created_before: instant('created_before', 'Only images created before this instant.'),
    q: searchText,
  })
  .openapi('GalleryExportFilter', { description: "The caller's live images that match every field given (those of the gallery's list)." });

export const CreateExportBody = z
  .object({
    ids: z
      .array(idSchema('an image'))
      .min(1, { message: 'ids must name at least one image' })
      .max(MAX_IDS)
      .optional()
      .openapi({ description: "The caller's live images to export, in this order. Any id that is not one of them: 404." }),
    filter: ExportFilterBody.optional(),
    format: z.enum(EXPORT_FORMATS).openapi({
      description:
        '`png`, `jpg`, `webp`: each image converted (one image: that file; several: a zip of them with `metadata.json`). ' +
        '`pdf`: one image a page, its prompt under it. `zip`: the images in their own format, plus `metadata.json`.',
    }),
    size: z.int().min(16).max(MAX_EXPORT_SIDE).optional().openapi({ description: 'Longest side of each image at most, in px: larger images are shrunk to it, in proportion; none is enlarged. Default: each image\'s own size.' }),
    quality: z.int().min(1).max(100).optional().openapi({ description: 'Encoder quality 1..100 for jpg, webp and the PDF\'s pictures (png is lossless and ignores it).' }),
  })
  .refine((body) => (body.ids === undefined) !== (body.filter === undefined), {
    message: 'give either ids or filter, not both and not neither',
    path: ['ids'],
  })
  // `ids` or `filter`, never both: the example picks one, so "Try it out" sends a valid body.
  .openapi('CreateGalleryExport', { example: { filter: { q: 'sunset' }, format: 'zip' } });
export type CreateExportBody = z.infer<typeof CreateExportBody>;

export const ExportIdParam = z.object({
  id: idSchema('an export').openapi({ param: { name: 'id', in: 'path' }, example: '01950000-0000-7000-8000-000000000000' }),
});

export const GalleryExport = z
  .object({
    id: z.uuid(),
    status: z.enum(EXPORT_STATUSES),
    format: z.enum(EXPORT_FORMATS),
    size: z.number().int().nullable(),
    quality: z.number().int().nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }).openapi({ description: 'Images written so far, of all of them.' }),
    bytes: z.number().int().nullable().openapi({ description: 'The file\'s size, once done.' }),
    download_url: z.string().nullable().openapi({ description: 'Signed, expiring with the export (`expires_at`); set only while `status` is `done`.' }),
    file_name: z.string().nullable().openapi({ description: 'The file\'s name (`atelier-export-{id}.zip`…), once done.' }),
    expires_at: timestamp.nullable().openapi({ description: 'When the file is removed and the URL stops working (EXPORT_TTL_S after it was done).' }),
    error: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    completed_at: timestamp.nullable(),
  })
  .openapi('GalleryExport');
export type GalleryExport = z.infer<typeof GalleryExport>;

/**
 * A row as the wire shape (the route's answer and the `gallery.export.updated` event). A done
 * export whose time is up reads as `expired` even before the removal job has run.
 */
export function toExportWire(row: GalleryExportRow, ctx: Pick<ExportsContext, 'signer' | 'publicUrl' | 'now'>): GalleryExport {
  const now = (ctx.now ?? (() => new Date()))();
  const expired = row.status === 'expired' || (row.status === 'done' && row.expiresAt !== null && row.expiresAt <= now);
  const live = row.status === 'done' && !expired && row.fileKey !== null && row.expiresAt !== null;
  return {
    id: row.id,
    status: expired ? 'expired' : row.status,
    format: row.format,
    size: row.size,
    quality: row.quality,
    progress: { done: row.done, total: row.total },
    bytes: row.bytes,
    download_url: live
      ? ctx.publicUrl + ctx.signer.sign(mediaPath(row.fileKey as string), Math.floor((row.expiresAt as Date).getTime() / 1000))
      : null,
    file_name: live ? `atelier-export-${row.id}.${(row.fileKey as string).split('.').pop()}` : null,
    expires_at: row.expiresAt?.toISOString() ?? null,
    error: row.error,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}
