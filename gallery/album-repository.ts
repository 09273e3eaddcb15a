import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { galleryAlbumImages as albumImages, galleryAlbums as albums, galleryImages as images, type GalleryAlbumRow } from './schema.js';

/**
 * The albums' queries. Like the images', every one is scoped by `userId`: another user's album
 * reads exactly like a missing one, and only the user's own images can be put in it.
 */

type Key = { userId: string; id: string };

/** An album with how many of its images are in the gallery (not in the trash). */
export type AlbumWithCount = GalleryAlbumRow & { imageCount: number };

/**
 * Live images only: a trashed image stays in its albums but is not counted until restored.
 * Written out (drizzle leaves columns unqualified in a one-table select, which a correlated
 * subquery makes ambiguous).
 */
const imageCount = sql<number>`(
  select count(*)::int from gallery_album_images ai
  join gallery_images i on i.id = ai.image_id and i.user_id = ai.user_id
  where ai.album_id = "gallery_albums"."id" and i.deleted_at is null
)`.mapWith(Number);

const withCount = { id: albums.id, userId: albums.userId, name: albums.name, createdAt: albums.createdAt, updatedAt: albums.updatedAt, imageCount };

export async function insertAlbum(db: Database, values: { id: string; userId: string; name: string; at: Date }): Promise<AlbumWithCount> {
  const [row] = await db
    .insert(albums)
    .values({ id: values.id, userId: values.userId, name: values.name, createdAt: values.at, updatedAt: values.at })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { ...row, imageCount: 0 };
}

export async function countAlbums(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(albums).where(eq(albums.userId, userId));
  return row?.n ?? 0;
}

export async function findAlbum(db: Database, key: Key): Promise<AlbumWithCount | null> {
  const [row] = await db
    .select(withCount)
    .from(albums)
    .where(and(eq(albums.id, key.id), eq(albums.userId, key.userId)));
  return row ?? null;
}

/** The user's albums, newest first (ids are UUIDv7). Cursor: the last id seen. */
export async function listAlbums(db: Database, query: AlbumListQuery): Promise<Page<AlbumWithCount>> {
  return toPage(await selectAlbums(db, query), query.limit, (row) => [row.id]);
}

export type AlbumListQuery = { userId: string; limit: number; cursor?: string | undefined };

/** The query behind {@link listAlbums} (`limit + 1` rows), exported so a test can EXPLAIN what runs. */
export function selectAlbums(db: Database, query: AlbumListQuery) {
  const conditions = [eq(albums.userId, query.userId)];
  if (query.cursor !== undefined) {
    const [lastId] = decodeCursor(query.cursor, ['uuid']);
    conditions.push(lt(albums.id, lastId as string));
  }
  return db
    .select(withCount)
    .from(albums)
    .where(and(...conditions))
    .orderBy(desc(albums.id))
    .limit(query.limit + 1);
}

/** False when the user has no such album. */
export async function renameAlbum(db: Database, key: Key & { name: string; at: Date }): Promise<boolean> {
  const rows = await db
    .update(albums)
    .set({ name: key.name, updatedAt: key.at })
    .where(and(eq(albums.id, key.id), eq(albums.userId, key.userId)))
    .returning({ id: albums.id });
  return rows.length > 0;
}

/** Delete the album and its memberships (never its images). False when the user has no such album. */
export async function deleteAlbum(db: Database, key: Key): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(albums)
      .where(and(eq(albums.id, key.id), eq(albums.userId, key.userId)))
      .returning({ id: albums.id });
    if (removed.length === 0) return false;
    await tx.delete(albumImages).where(and(eq(albumImages.albumId, key.id), eq(albumImages.userId, key.userId)));
    return true;
  });
}

/**
 * Put the user's live images among `ids` in the album (those already there stay as they are).
 * The album must be the user's (checked by the caller). Returns the ids added now.
 */
export async function insertAlbumImages(
  db: Database,
  query: { userId: string; albumId: string; ids: string[]; at: Date },
): Promise<string[]> {
  if (query.ids.length === 0) return [];
  const live = db
    .select({
      albumId: sql<string>`${query.albumId}::uuid`.as('album_id'),
      imageId: images.id,
      userId: images.userId,
      addedAt: sql<Date>`${query.at.toISOString()}::timestamptz`.as('added_at'),
    })
    .from(images)
    .where(and(eq(images.userId, query.userId), inArray(images.id, query.ids), isNull(images.deletedAt)));
  const added = await db.insert(albumImages).select(live).onConflictDoNothing().returning({ id: albumImages.imageId });
  if (added.length > 0) await touchAlbum(db, { userId: query.userId, id: query.albumId, at: query.at });
  return added.map((row) => row.id);
}

/** Take `ids` out of the album (live, trashed or gone). Returns the ids taken out now. */
export async function deleteAlbumImages(
  db: Database,
  query: { userId: string; albumId: string; ids: string[]; at: Date },
): Promise<string[]> {
  if (query.ids.length === 0) return [];
  const removed = await db
    .delete(albumImages)
    .where(and(eq(albumImages.albumId, query.albumId), eq(albumImages.userId, query.userId), inArray(albumImages.imageId, query.ids)))
    .returning({ id: albumImages.imageId });
  if (removed.length > 0) await touchAlbum(db, { userId: query.userId, id: query.albumId, at: query.at });
  return removed.map((row) => row.id);
}

/** An album's `updated_at` moves when its images change, so a client can tell it changed. */
async function touchAlbum(db: Database, key: Key & { at: Date }): Promise<void> {
  await db
    .update(albums)
    .set({ updatedAt: key.at })
    .where(and(eq(albums.id, key.id), eq(albums.userId, key.userId)));
}
