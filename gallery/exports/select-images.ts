import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../shared/connections/postgres.js';
import type { StorageKind } from '../../image-service/index.js';
import { galleryImages as images } from '../schema.js';

/**
 * What an export's `filter` may say: the fields the gallery's list filters on. (The list's other
 * filters join here when they exist: this type and {@link selectFilteredImageIds} are the one
 * place a filter becomes rows.)
 */
export interface ExportFilter {
  sessionId?: string | undefined;
  isNsfw?: boolean | undefined;
}

/**
 * The ids of the user's live images that match `filter` and have a file in `storage` (an
 * external image, filed by URL, has none of ours to export), newest first, at most `limit`.
 * Served by the user's live-images index, like the gallery's list.
 */
export async function selectFilteredImageIds(
  db: Database,
  query: { userId: string; filter: ExportFilter; storage: StorageKind; limit: number },
): Promise<string[]> {
  const { filter } = query;
  const conditions = [
    eq(images.userId, query.userId),
    isNull(images.deletedAt),
    eq(images.storage, query.storage),
    isNotNull(images.storageKey),
  ];
  if (filter.sessionId !== undefined) conditions.push(eq(images.sessionId, filter.sessionId));
  if (filter.isNsfw !== undefined) conditions.push(eq(images.isNsfw, filter.isNsfw));
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(...conditions))
    .orderBy(desc(images.id))
    .limit(query.limit);
  return rows.map((row) => row.id);
}
