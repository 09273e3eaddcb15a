import { rm } from 'node:fs/promises';
import { mediaFile } from '../../image-service/index.js';
import type { ExportsContext } from './context.js';
import { publishExport } from './events.js';
import { findExport, updateExport } from './repository.js';

/**
 * The delayed `expire` job, due at the export's `expires_at`: remove its file and mark it
 * `expired`. Idempotent: an export already expired (or never finished) is left as it is.
 */
export async function expireExport({ ctx, input }: { ctx: ExportsContext; input: { userId: string; exportId: string } }): Promise<void> {
  const key = { userId: input.userId, id: input.exportId };
  const row = await findExport(ctx.db, key);
  if (!row || row.status !== 'done') return;
  const file = row.fileKey ? mediaFile(ctx.mediaDir, row.fileKey) : undefined;
  if (file) await rm(file, { force: true });
  const now = (ctx.now ?? (() => new Date()))();
  const expired = await updateExport(ctx.db, key, { status: 'expired', fileKey: null, updatedAt: now });
  if (expired) {
    ctx.logger.info({ exportId: row.id, userId: row.userId }, 'export expired; its file was removed');
    publishExport(ctx, expired);
  }
}
