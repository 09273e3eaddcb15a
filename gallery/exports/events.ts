import { REALTIME_EVENTS } from '../../shared/realtime.js';
import type { GalleryExportRow } from '../schema.js';
import type { ExportsContext } from './context.js';
import { toExportWire } from './schemas.js';

/**
 * `gallery.export.updated`, to the owner's room only (`user:{userId}`): the export's wire shape
 * (id, status, progress, and the download URL once done). Best effort: the row is the truth,
 * and `GET /v1/gallery/exports/{id}/` reads it.
 */
export function publishExport(ctx: ExportsContext, row: GalleryExportRow): void {
  try {
    ctx.realtime.toUser(row.userId, REALTIME_EVENTS.galleryExportUpdated, toExportWire(row, ctx));
  } catch (error) {
    ctx.logger.warn({ err: error, exportId: row.id }, 'export event not sent');
  }
}
