import { NotFound } from '../../shared/errors.js';
import type { GalleryExportRow } from '../schema.js';
import type { ExportsContext } from './context.js';
import { findExport } from './repository.js';

/** One of the caller's exports. @throws NotFound for another user's or a missing one alike. */
export async function getExport({ ctx, input }: { ctx: ExportsContext; input: { userId: string; id: string } }): Promise<GalleryExportRow> {
  const row = await findExport(ctx.db, input);
  if (!row) throw new NotFound('export', input.id);
  return row;
}
