import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { cursorAfter, filterConditions, listCursor, listingTag, type GalleryFilter, type GallerySort } from './list-filter.js';
import { galleryAlbumImages as albumImages, galleryImages as images, imageColumns, type GalleryImageRow, type NewGalleryImageRow } from './schema.js';

/**
 * The gallery's queries. Every one is scoped by `userId`: another user's row is never read,
 * changed or counted, so to the caller it is exactly like a missing one.
 */

type Key = { userId: string; id: string };

/** One page's request; `cursor` is a `next_cursor` this API returned. */
export type ListQuery = { userId: string; limit: number; cursor?: string | undefined };

/**
 * The gallery's list: newest first (the default) or oldest first, narrowed by a filter
 * (list-filter.ts). Its cursor carries a tag of the sort and filter it was made under.
 */
export type LiveListQuery = ListQuery & { sort?: GallerySort | undefined; filter?: GalleryFilter | undefined };

/**
 * Insert a row; when one exists already for its message (the pipeline's row for that variation
 * of it, or this user's external row for it), insert nothing and return that one. `row` is null when that row
 * belongs to another user.
 */
export async function insertImage(
  db: Database,
  values: NewGalleryImageRow,
): Promise<{ row: GalleryImageRow | null; created: boolean }> {
  // `on conflict do nothing` (not a select first) so two concurrent saves of one message agree
  // on one row: the loser waits for the winner's commit and then sees its row.
  const [inserted] = await db.insert(images).values(values).onConflictDoNothing().returning(imageColumns);
  if (inserted) return { row: inserted, created: true };
  if (!values.messageId) return { row: null, created: false };
  const sameKind =
    values.storage === 'external'
      ? eq(images.storage, 'external')
      : and(ne(images.storage, 'external'), eq(images.variation, values.variation ?? 0));
  const [existing] = await db
    .select(imageColumns)
    .from(images)
    .where(and(eq(images.messageId, values.messageId), sameKind));
  return { row: existing && existing.userId === values.userId ? existing : null, created: false };
}

/** Which of `ids` are the user's live images (not in the trash, not deleted). */
export async function selectLiveImageIds(db: Database, query: { userId: string; ids: string[] }): Promise<Set<string>> {
  if (query.ids.length === 0) return new Set();
  const rows = await db
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.userId, query.userId), inArray(images.id, query.ids), isNull(images.deletedAt)));
  return new Set(rows.map((row) => row.id));
}

/** A live or trashed image of the user. */
export async function findImage(db: Database, key: Key): Promise<GalleryImageRow | null> {
  const [row] = await db
    .select(imageColumns)
    .from(images)
    .where(and(eq(images.id, key.id), eq(images.userId, key.userId)));
  return row ?? null;
}

/**
 * The user's live images matching the filter, newest or oldest first by id (UUIDv7: creation
 * order, and unique, so a page boundary never splits ties). Cursor: the listing's tag and the
 * last id seen.
 */
export async function listImages(db: Database, query: LiveListQuery): Promise<Page<GalleryImageRow>> {
  const tag = listingTag(query.sort ?? 'newest', query.filter ?? {});
  const rows = await selectLiveImages(db, query);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? listCursor(tag, last.id) : null };
}

/**
 * The query behind {@link listImages} (`limit + 1` rows), exported so a test can EXPLAIN what
 * runs. @throws ValidationFailed for a cursor made under another sort or filter.
 */
export function selectLiveImages(db: Database, query: LiveListQuery) {
  const sort = query.sort ?? 'newest';
  const filter = query.filter ?? {};
  const conditions = [eq(images.userId, query.userId), isNull(images.deletedAt), ...filterConditions(filter)];
  if (query.cursor !== undefined) {
    const lastId = cursorAfter(query.cursor, listingTag(sort, filter));
    conditions.push(sort === 'newest' ? lt(images.id, lastId) : gt(images.id, lastId));
  }
  return db
    .select(imageColumns)
    .from(images)
    .where(and(...conditions))
    .orderBy(sort === 'newest' ? desc(images.id) : asc(images.id))
    .limit(query.limit + 1);
}

/** The ids of an album's images (a subquery), within the user's rows. */

/**
 * The images one of the user's messages made, live or in the trash, variation by variation (a
 * message makes up to four: `options.n`). Empty for another user's message: its rows are never read.
 */
export function selectMessageImages(db: Database, query: { userId: string; messageId: string }) {
  return db
    .select(imageColumns)
    .from(images)
    .where(and(eq(images.userId, query.userId), eq(images.messageId, query.messageId)))
    // Its variations in order (their ids share the message's time, not their order).
    .orderBy(asc(images.variation), asc(images.id));
}

/**
 * The user's trash, most recently deleted first, ties broken by id. Cursor: the last
 * `(deleted_at, id)` seen. Deletion times are written with millisecond precision (see
 * {@link softDeleteImage}), so the ISO string in a cursor names a row's time exactly.
 */
export async function listDeletedImages(db: Database, query: ListQuery): Promise<Page<GalleryImageRow>> {
  return toPage(await selectDeletedImages(db, query), query.limit, (row) => [
    row.deletedAt?.toISOString() ?? '',
    row.id,
  ]);
}

/** The query behind {@link listDeletedImages} (`limit + 1` rows), exported so a test can EXPLAIN what runs. */
export function selectDeletedImages(db: Database, query: ListQuery) {
  const conditions = [eq(images.userId, query.userId), isNotNull(images.deletedAt)];
  if (query.cursor !== undefined) {
    const [deletedAt, lastId] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    conditions.push(sql`(${images.deletedAt}, ${images.id}) < (${deletedAt}::timestamptz, ${lastId}::uuid)`);
  }
  return db
    .select(imageColumns)
    .from(images)
    .where(and(...conditions))
    .orderBy(desc(images.deletedAt), desc(images.id))
    .limit(query.limit + 1);
}

/**
 * Move a live image to the trash. Null when the user has no such live image (missing, or
 * already in the trash). `at` comes from the app, not `now()`: a JS Date has millisecond
 * precision, which the trash cursor relies on.
 */
export async function softDeleteImage(db: Database, key: Key & { at: Date }): Promise<GalleryImageRow | null> {
  const [row] = await db
    .update(images)
    .set({ deletedAt: key.at, updatedAt: key.at })
    .where(and(eq(images.id, key.id), eq(images.userId, key.userId), isNull(images.deletedAt)))
    .returning(imageColumns);
  return row ?? null;
}

/**
 * Move every live image of one of the user's chat sessions to the trash, at once. Served by the
 * user's live-images index (the session is a filter within the user's rows, never another user's).
 */
export async function softDeleteSessionImages(
  db: Database,
  query: { userId: string; sessionId: string; at: Date },
): Promise<GalleryImageRow[]> {
  return db
    .update(images)
    .set({ deletedAt: query.at, updatedAt: query.at })
    .where(and(eq(images.userId, query.userId), eq(images.sessionId, query.sessionId), isNull(images.deletedAt)))
    .returning(imageColumns);
}

/** Take an image out of the trash. Null when the user has no such trashed image. */
export async function restoreImage(db: Database, key: Key & { at: Date }): Promise<GalleryImageRow | null> {
  const [row] = await db
    .update(images)
    .set({ deletedAt: null, updatedAt: key.at })
    .where(and(eq(images.id, key.id), eq(images.userId, key.userId), isNotNull(images.deletedAt)))
    .returning(imageColumns);
  return row ?? null;
}

/** Remove the row for good, live or trashed, and its place in the user's albums. Null when the user has no such image. */
export async function hardDeleteImage(db: Database, key: Key): Promise<GalleryImageRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(images)
      .where(and(eq(images.id, key.id), eq(images.userId, key.userId)))
      .returning(imageColumns);
    if (row) await tx.delete(albumImages).where(and(eq(albumImages.userId, key.userId), eq(albumImages.imageId, key.id)));
    return row ?? null;
  });
}

/**
 * Star or unstar an image; null when nothing changed (no such image of the user's, already in
 * that state, or, to star, in the trash). The first star's time is kept.
 */
export async function setFavorite(db: Database, key: Key & { favorite: boolean; at: Date }): Promise<GalleryImageRow | null> {
  const [row] = await db
    .update(images)
    .set({ favoritedAt: key.favorite ? key.at : null, updatedAt: key.at })
    .where(
      and(
        eq(images.id, key.id),
        eq(images.userId, key.userId),
        key.favorite ? and(isNull(images.favoritedAt), isNull(images.deletedAt)) : isNotNull(images.favoritedAt),
      ),
    )
    .returning(imageColumns);
  return row ?? null;
}

/** {@link setFavorite} for many images in one statement; returns the ids that changed. */
export async function setFavorites(db: Database, query: { userId: string; ids: string[]; favorite: boolean; at: Date }): Promise<string[]> {
  if (query.ids.length === 0) return [];
  const rows = await db
    .update(images)
    .set({ favoritedAt: query.favorite ? query.at : null, updatedAt: query.at })
    .where(
      and(
        eq(images.userId, query.userId),
        inArray(images.id, query.ids),
        query.favorite ? and(isNull(images.favoritedAt), isNull(images.deletedAt)) : isNotNull(images.favoritedAt),
      ),
    )
    .returning({ id: images.id });
  return rows.map((row) => row.id);
}

/** Which of `ids` are the user's images, live or in the trash, and whether in the trash. */
export async function selectImageStates(
  db: Database,
  query: { userId: string; ids: string[] },
): Promise<Map<string, { trashed: boolean }>> {
  if (query.ids.length === 0) return new Map();
  const rows = await db
    .select({ id: images.id, deletedAt: images.deletedAt })
    .from(images)
    .where(and(eq(images.userId, query.userId), inArray(images.id, query.ids)));
  return new Map(rows.map((row) => [row.id, { trashed: row.deletedAt !== null }]));
}

/** Which trashed rows a purge takes: trashed before `before`, of one user or of all, after the last `(deletedAt, id)` taken. */
export type TrashQuery = {
  before?: Date | undefined;
  userId?: string | undefined;
  after?: { deletedAt: Date; id: string } | undefined;
  limit: number;
};

/**
 * One batch of the trash to delete for good: the oldest first, locked until the transaction ends
 * (`for update skip locked`: a restore of one of them waits, then finds it gone; a second purge
 * running at once takes other rows). Across users it reads `gallery_images_trash_purge_idx`, for
 * one user `gallery_images_user_trash_idx`; exported so a test can EXPLAIN what runs.
 */
export function selectTrashBatch(db: Database, query: TrashQuery) {
  const conditions = [isNotNull(images.deletedAt)];
  if (query.before !== undefined) conditions.push(lt(images.deletedAt, query.before));
  if (query.userId !== undefined) conditions.push(eq(images.userId, query.userId));
  if (query.after) {
    conditions.push(sql`(${images.deletedAt}, ${images.id}) > (${query.after.deletedAt.toISOString()}::timestamptz, ${query.after.id}::uuid)`);
  }
  return db
    .select(imageColumns)
    .from(images)
    .where(and(...conditions))
    .orderBy(images.deletedAt, images.id)
    .limit(query.limit)
    .for('update', { skipLocked: true });
}

/**
 * Remove these trashed rows for good (only while still trashed), and their places in albums;
 * returns the rows removed. Run inside the purge's transaction.
 */
export async function hardDeleteTrashed(db: Database, ids: string[]): Promise<GalleryImageRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .delete(images)
    .where(and(inArray(images.id, ids), isNotNull(images.deletedAt)))
    .returning(imageColumns);
  const removed = rows.map((row) => row.id);
  if (removed.length > 0) await db.delete(albumImages).where(inArray(albumImages.imageId, removed));
  return rows;
}

/** How far a lineage is followed either way: far beyond any real chain of edits, and a bound on the work. */
const LINEAGE_DEPTH = 100;
/** At most this many descendants are returned (oldest first). */
export const LINEAGE_DESCENDANTS = 500;

/**
 * An image's ancestors (its parent, the parent's parent, …) and descendants (every image made
 * from it, and from those), each oldest first (ids are UUIDv7). Both walks are recursive CTEs
 * that stay within the user's rows, trashed ones included (their `deleted_at` says so); a parent
 * deleted for good ends the walk up there.
 */
export async function selectLineage(db: Database, key: Key): Promise<{ ancestors: GalleryImageRow[]; descendants: GalleryImageRow[] }> {
  const up = sql`with recursive up(id, parent, depth) as (
      select id, parent_image_id, 0 from gallery_images where id = ${key.id} and user_id = ${key.userId}
      union all
      select g.id, g.parent_image_id, up.depth + 1 from gallery_images g join up on g.id = up.parent
      where g.user_id = ${key.userId} and up.depth < ${LINEAGE_DEPTH}
    ) select id from up where depth > 0`;
  const down = sql`with recursive down(id, depth) as (
      select id, 0 from gallery_images where id = ${key.id} and user_id = ${key.userId}
      union all
      select g.id, down.depth + 1 from gallery_images g join down on g.parent_image_id = down.id
      where g.user_id = ${key.userId} and down.depth < ${LINEAGE_DEPTH}
    ) select id from down where depth > 0`;
  const [ancestors, descendants] = await Promise.all([
    db.select(imageColumns).from(images).where(and(eq(images.userId, key.userId), sql`${images.id} in (${up})`)).orderBy(images.id),
    db
      .select(imageColumns)
      .from(images)
      .where(and(eq(images.userId, key.userId), sql`${images.id} in (${down})`))
      .orderBy(images.id)
      .limit(LINEAGE_DESCENDANTS),
  ]);
  return { ancestors, descendants };
}
