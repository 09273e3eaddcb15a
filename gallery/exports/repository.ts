import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../shared/connections/postgres.js';
import { galleryExports as exports, galleryImages as images, type GalleryExportRow, type GalleryImageRow, type NewGalleryExportRow } from '../schema.js';

/** The exports' queries; every one is scoped by `userId`, like the gallery's. */

type Key = { userId: string; id: string };

export async function insertExport(db: Database, values: NewGalleryExportRow): Promise<GalleryExportRow> {
  const [row] = await db.insert(exports).values(values).returning();
  return row as GalleryExportRow;
}

export async function findExport(db: Database, key: Key): Promise<GalleryExportRow | null> {
  const [row] = await db
    .select()
    .from(exports)
    .where(and(eq(exports.id, key.id), eq(exports.userId, key.userId)));
  return row ?? null;
}

/** Change an export's row; null when the user has no such export. */
export async function updateExport(
  db: Database,
  key: Key,
  values: Partial<Pick<GalleryExportRow, 'status' | 'done' | 'fileKey' | 'bytes' | 'error' | 'completedAt' | 'expiresAt'>> & { updatedAt: Date },
): Promise<GalleryExportRow | null> {
  const [row] = await db
    .update(exports)
    .set(values)
    .where(and(eq(exports.id, key.id), eq(exports.userId, key.userId)))
    .returning();
  return row ?? null;
}

/** The user's live images among `ids` (any order): what an export reads, a batch at a time. */
export async function selectLiveImagesByIds(db: Database, query: { userId: string; ids: string[] }): Promise<GalleryImageRow[]> {
  if (query.ids.length === 0) return [];
  return db
    .select()
    .from(images)
    .where(and(eq(images.userId, query.userId), inArray(images.id, query.ids), isNull(images.deletedAt)));
}

/** Of `ids`, the user's live images, with where their files are. */
export async function selectImageFiles(
  db: Database,
  query: { userId: string; ids: string[] },
): Promise<Array<Pick<GalleryImageRow, 'id' | 'storage' | 'storageKey'>>> {
  if (query.ids.length === 0) return [];
  return db
    .select({ id: images.id, storage: images.storage, storageKey: images.storageKey })
    .from(images)
    .where(and(eq(images.userId, query.userId), inArray(images.id, query.ids), isNull(images.deletedAt)));
}
