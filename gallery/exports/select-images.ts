import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../shared/connections/postgres.js';
import type { StorageKind } from '../../image-service/index.js';
import { filterConditions, type GalleryFilter } from '../list-filter.js';
import { galleryImages as images } from '../schema.js';

/** What an export's `filter` may say: the gallery list's own filter (list-filter.ts), the one place a filter becomes SQL. */
export type ExportFilter = GalleryFilter;

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
  conditions.push(...filterConditions(filter));
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(...conditions))
    .orderBy(desc(images.id))
    .limit(query.limit);
  return rows.map((row) => row.id);
}
