import type { GalleryContext } from './context.js';
import { announceDeletedForGood, removeImageFile } from './delete-image-permanently.js';
import { hardDeleteTrashed, selectTrashBatch, type TrashQuery } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/** Rows deleted for good per transaction: each batch's locks are held while its files are removed. */
export const PURGE_BATCH_SIZE = 200;

/** TRASH_RETENTION_DAYS's default. */
export const DEFAULT_TRASH_RETENTION_DAYS = 30;

const DAY_MS = 24 * 3600 * 1000;

/** When an image trashed at `deletedAt` is deleted for good by the retention purge. */
export function purgeAtOf(ctx: Pick<GalleryContext, 'trashRetentionDays'>, deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + (ctx.trashRetentionDays ?? DEFAULT_TRASH_RETENTION_DAYS) * DAY_MS);
}

export interface PurgeResult {
  /** Images deleted for good, files included. */
  deleted: number;
  /** Images left in the trash because their file could not be removed (logged; the next run tries again). */
  kept: number;
}

/**
 * The retention purge (run by the trash-purge job, hourly): every image, of every user, in the
 * trash for longer than TRASH_RETENTION_DAYS at `now`, deleted for good as `deleteImagePermanently`
 * does it (file and thumbnail first, then the row; `gallery.image.deleted` with `permanent: true`
 * and the message that made it told), in batches of {@link PURGE_BATCH_SIZE}. Each batch is
 * logged at info with its ids.
 */
export async function purgeExpiredTrash({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { now: Date; batchSize?: number };
}): Promise<PurgeResult> {
  const before = new Date(input.now.getTime() - (ctx.trashRetentionDays ?? DEFAULT_TRASH_RETENTION_DAYS) * DAY_MS);
  return deleteTrashForGood(ctx, { before }, input.batchSize ?? PURGE_BATCH_SIZE, 'trash purged (retention)');
}

/** `DELETE /v1/gallery/deleted/`: the user's whole trash deleted for good, now. Only this user's. */
export async function emptyTrash({
  ctx,
  input,
}: {
  ctx: GalleryContext;
  input: { userId: string; batchSize?: number };
}): Promise<PurgeResult> {
  return deleteTrashForGood(ctx, { userId: input.userId }, input.batchSize ?? PURGE_BATCH_SIZE, 'trash emptied');
}

/**
 * Batch after batch, oldest first: in one transaction take the batch (locked), remove each file,
 * delete the rows whose files went; then, committed, announce them. A file that cannot be removed
 * keeps its row (and is passed over for the rest of this run, by the keyset).
 */
async function deleteTrashForGood(
  ctx: GalleryContext,
  query: Omit<TrashQuery, 'limit' | 'after'>,
  batchSize: number,
  message: string,
): Promise<PurgeResult> {
  const result: PurgeResult = { deleted: 0, kept: 0 };
  let after: TrashQuery['after'];
  for (;;) {
    const { taken, removed } = await ctx.db.transaction(async (tx) => {
      const batch = await selectTrashBatch(tx, { ...query, after, limit: batchSize });
      const gone: GalleryImageRow[] = [];
      for (const row of batch) {
        try {
          await removeImageFile(ctx, row);
          gone.push(row);
        } catch (error) {
          ctx.logger.warn({ err: error, imageId: row.id }, 'trashed image kept: its file could not be removed; the next purge tries again');
        }
      }
      return { taken: batch, removed: await hardDeleteTrashed(tx, gone.map((row) => row.id)) };
    });
    for (const row of removed) await announceDeletedForGood(ctx, row);
    result.deleted += removed.length;
    result.kept += taken.length - removed.length;
    if (removed.length > 0) {
      ctx.logger.info({ ...(query.userId !== undefined && { userId: query.userId }), count: removed.length, ids: removed.map((row) => row.id) }, message);
    }
    const last = taken.at(-1);
    // A batch whose files all stayed ends the run (the storage is failing): the next run tries again.
    if (taken.length < batchSize || removed.length === 0 || !last?.deletedAt) return result;
    after = { deletedAt: last.deletedAt, id: last.id };
  }
}
