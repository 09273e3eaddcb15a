import { NotFound, ValidationFailed } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { GalleryExportRow, ExportFormat } from '../schema.js';
import type { ExportsContext } from './context.js';
import { exportJobId } from './queue.js';
import { insertExport, selectImageFiles, updateExport } from './repository.js';
import { selectFilteredImageIds, type ExportFilter } from './select-images.js';

export interface CreateExportInput {
  userId: string;
  /** The images, in export order; or */
  ids?: string[] | undefined;
  /** the images that match (newest first). */
  filter?: ExportFilter | undefined;
  format: ExportFormat;
  size?: number | undefined;
  quality?: number | undefined;
}

/** How many ids are checked against the database in one query. */
const ID_BATCH = 1000;

/**
 * Resolve the selection now (a filter means the images that match now), file the export as
 * `queued` and enqueue its build. An id that is not one of the caller's live images is a
 * NotFound that names no id (another user's image and a missing one read alike); one of theirs
 * with no file of ours (filed by URL) cannot be exported: ValidationFailed. An empty selection,
 * or one above EXPORT_MAX_IMAGES, is a ValidationFailed too.
 */
export async function createExport({ ctx, input }: { ctx: ExportsContext; input: CreateExportInput }): Promise<GalleryExportRow> {
  const imageIds = input.ids ? await checkIds(ctx, input.userId, input.ids) : await selectByFilter(ctx, input.userId, input.filter ?? {});
  if (imageIds.length === 0) throw new ValidationFailed('the selection is empty: no image of yours with a stored file matches', [{ path: 'filter', message: 'matches no image' }]);

  const id = newId();
  const at = (ctx.now ?? (() => new Date()))();
  const row = await insertExport(ctx.db, {
    id,
    userId: input.userId,
    status: 'queued',
    format: input.format,
    size: input.size ?? null,
    quality: input.quality ?? null,
    imageIds,
    done: 0,
    total: imageIds.length,
    createdAt: at,
    updatedAt: at,
  });
  try {
    await ctx.queue.add('build', { exportId: id, userId: input.userId }, { jobId: exportJobId(id, 'build') });
  } catch (error) {
    // Not queued, so never built: say so on the row rather than leave it queued for ever.
    await updateExport(ctx.db, { userId: input.userId, id }, { status: 'failed', error: 'the export could not be queued; ask for it again', updatedAt: at }).catch(() => undefined);
    throw error;
  }
  return row;
}

async function checkIds(ctx: ExportsContext, userId: string, given: string[]): Promise<string[]> {
  const ids = [...new Set(given)];
  if (ids.length > ctx.maxImages) throw tooMany(ctx, 'ids');
  for (let start = 0; start < ids.length; start += ID_BATCH) {
    const batch = ids.slice(start, start + ID_BATCH);
    const found = new Map((await selectImageFiles(ctx.db, { userId, ids: batch })).map((row) => [row.id, row]));
    if (found.size < batch.length) throw new NotFound('one or more images');
    const fileless = batch.find((id) => {
      const row = found.get(id);
      return !row?.storageKey || row.storage !== ctx.storage.kind;
    });
    if (fileless) {
      throw new ValidationFailed(`image ${fileless} has no file stored by Atelier (it was filed by URL) and cannot be exported`, [
        { path: 'ids', message: 'an image without a stored file' },
      ]);
    }
  }
  return ids;
}

async function selectByFilter(ctx: ExportsContext, userId: string, filter: ExportFilter): Promise<string[]> {
  const ids = await selectFilteredImageIds(ctx.db, { userId, filter, storage: ctx.storage.kind, limit: ctx.maxImages + 1 });
  if (ids.length > ctx.maxImages) throw tooMany(ctx, 'filter');
  return ids;
}

function tooMany(ctx: ExportsContext, path: string): ValidationFailed {
  return new ValidationFailed(`an export holds at most ${ctx.maxImages} images; narrow the selection`, [
    { path, message: `more than ${ctx.maxImages} images` },
  ]);
}
