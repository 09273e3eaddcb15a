import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { galleryImages as images, galleryShares as shares, imageColumns, type GalleryImageRow, type GalleryShareRow } from './schema.js';

/** The share links' queries. The owner's are scoped by `userId` and the image; the public one by the token's hash alone. */

export type NewShareRow = typeof shares.$inferInsert;

export async function insertShare(db: Database, values: NewShareRow): Promise<GalleryShareRow> {
  const [row] = await db.insert(shares).values(values).returning();
  return row as GalleryShareRow;
}

/** One image's links, newest first (revoked and expired ones too: their times say so). */
export async function selectShares(db: Database, key: { userId: string; imageId: string }): Promise<GalleryShareRow[]> {
  return db
    .select()
    .from(shares)
    .where(and(eq(shares.userId, key.userId), eq(shares.imageId, key.imageId)))
    .orderBy(desc(shares.id));
}

/** Revoke a link of the user's image; revoking it again keeps the first time. Null: no such link of theirs. */
export async function revokeShareRow(
  db: Database,
  key: { userId: string; imageId: string; id: string; at: Date },
): Promise<GalleryShareRow | null> {
  const [row] = await db
    .update(shares)
    .set({ revokedAt: sql`coalesce(${shares.revokedAt}, ${key.at.toISOString()}::timestamptz)` })
    .where(and(eq(shares.id, key.id), eq(shares.userId, key.userId), eq(shares.imageId, key.imageId)))
    .returning();
  return row ?? null;
}

/**
 * The link a token's hash names, with its image, when it may be opened: not revoked, not
 * expired, and its image still the owner's and not in the trash. One query, by the unique index.
 */
export async function selectOpenShare(
  db: Database,
  query: { tokenHash: string; now: Date },
): Promise<{ share: GalleryShareRow; image: GalleryImageRow } | null> {
  const [row] = await db
    .select({ share: shares, image: imageColumns })
    .from(shares)
    .innerJoin(images, and(eq(images.id, shares.imageId), eq(images.userId, shares.userId)))
    .where(
      and(
        eq(shares.tokenHash, query.tokenHash),
        isNull(shares.revokedAt),
        or(isNull(shares.expiresAt), gt(shares.expiresAt, query.now)),
        isNull(images.deletedAt),
      ),
    );
  return row ?? null;
}

/** One more view, counted in the row (concurrent views each add one). Returns the new count. */
export async function countShareView(db: Database, id: string): Promise<number> {
  const [row] = await db
    .update(shares)
    .set({ views: sql`${shares.views} + 1` })
    .where(eq(shares.id, id))
    .returning({ views: shares.views });
  return row?.views ?? 0;
}
