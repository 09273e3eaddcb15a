import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { mediaFile } from '../../image-service/index.js';
import { NotFound } from '../../shared/errors.js';
import type { GalleryExportRow, GalleryImageRow } from '../schema.js';
import type { ExportsContext } from './context.js';
import { publishExport } from './events.js';
import { exportJobId } from './queue.js';
import { findExport, selectLiveImagesByIds, updateExport } from './repository.js';
import { exportExtension, writeExport, type ExportItem } from './writers.js';

/** Rows read from the database at a time; their files are read one by one. */
const ROW_BATCH = 100;
/** Progress is saved and announced at most this often (and at every whole percent), besides the first and last image. */
const PROGRESS_EVERY_MS = 250;

/**
 * The `build` job: write the export's file under the media folder (a temporary file renamed into
 * place, so a half-built export is never served), then mark it `done` with its expiry and queue
 * the `expire` job for that moment. Idempotent: a finished export is left alone; a retried build
 * starts over. `isLastAttempt` failures mark the export `failed` (and are thrown on).
 */
export async function buildExport({
  ctx,
  input,
}: {
  ctx: ExportsContext;
  input: { userId: string; exportId: string; isLastAttempt: boolean };
}): Promise<void> {
  const key = { userId: input.userId, id: input.exportId };
  const now = ctx.now ?? (() => new Date());
  const found = await findExport(ctx.db, key);
  if (!found || found.status !== 'queued' && found.status !== 'running') return;

  let row = (await updateExport(ctx.db, key, { status: 'running', done: 0, error: null, updatedAt: now() })) ?? found;
  publishExport(ctx, row);

  const fileKey = `users/${encodeURIComponent(row.userId)}/exports/${row.id}.${exportExtension(row.format, row.total)}`;
  const file = mediaFile(ctx.mediaDir, fileKey);
  if (!file) throw new Error(`export file key ${fileKey} is not a media key`);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;

  let done = 0;
  let savedAt = 0;
  let savedPercent = -1;
  const onImage = async () => {
    done += 1;
    const percent = Math.floor((done * 100) / row.total);
    if (done < row.total && done > 1 && percent === savedPercent && Date.now() - savedAt < PROGRESS_EVERY_MS) return;
    savedAt = Date.now();
    savedPercent = percent;
    row = (await updateExport(ctx.db, key, { done, updatedAt: now() })) ?? row;
    publishExport(ctx, row);
  };

  try {
    await mkdir(path.dirname(file), { recursive: true });
    const out = createWriteStream(temporary);
    try {
      await writeExport(out, itemsOf(ctx, row), { format: row.format, size: row.size, quality: row.quality, total: row.total, onImage });
    } finally {
      out.destroy();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    ctx.logger.warn({ err: error, exportId: row.id, lastAttempt: input.isLastAttempt }, 'export not built');
    if (input.isLastAttempt) {
      const failed = await updateExport(ctx.db, key, { status: 'failed', error: 'the export could not be built; ask for it again', updatedAt: now() });
      if (failed) publishExport(ctx, failed);
    }
    throw error;
  }

  const { size: bytes } = await stat(file);
  const completedAt = now();
  // Whole seconds: the download URL's signature carries the expiry in seconds, and means exactly this moment.
  const expiresAt = new Date(Math.ceil(completedAt.getTime() / 1000 + ctx.ttlSeconds) * 1000);
  const finished = await updateExport(ctx.db, key, { status: 'done', done: row.total, fileKey, bytes, completedAt, expiresAt, updatedAt: completedAt });
  await ctx.queue.add(
    'expire',
    { exportId: row.id, userId: row.userId },
    { jobId: exportJobId(row.id, 'expire'), delay: Math.max(0, expiresAt.getTime() - Date.now()) },
  );
  if (finished) publishExport(ctx, finished);
}

/**
 * The export's images in its order, each with its bytes: rows a batch at a time, files one at a
 * time, read only when the writer asks for the next. An image trashed or deleted since the
 * export was asked for comes with `row: null`; one whose file has gone, with `data: null`.
 */
async function* itemsOf(ctx: ExportsContext, row: GalleryExportRow): AsyncGenerator<ExportItem> {
  for (let start = 0; start < row.imageIds.length; start += ROW_BATCH) {
    const ids = row.imageIds.slice(start, start + ROW_BATCH);
    const rows = new Map<string, GalleryImageRow>((await selectLiveImagesByIds(ctx.db, { userId: row.userId, ids })).map((image) => [image.id, image]));
    for (const id of ids) {
      const image = rows.get(id);
      if (!image?.storageKey || image.storage !== ctx.storage.kind) {
        yield { id, row: image ?? null, data: null };
        continue;
      }
      try {
        yield { id, row: image, data: await ctx.storage.get({ key: image.storageKey, url: image.url }) };
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        yield { id, row: image, data: null };
      }
    }
  }
}
