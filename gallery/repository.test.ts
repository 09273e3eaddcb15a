import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Postgres } from '../shared/connections/postgres.js';
import { newId } from '../shared/ids.js';
import { createTestPostgres } from '../shared/testing/postgres.js';
import { migrateGallery } from './migrate.js';
import {
  insertImage,
  listDeletedImages,
  selectDeletedImages,
  selectLiveImages,
  selectTrashBatch,
  softDeleteImage,
} from './repository.js';
import type { GalleryImageRow } from './schema.js';

let postgres: Postgres;

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateGallery(postgres);
});

afterAll(async () => {
  await postgres?.close();
});

async function insertFor(userId: string, n: number): Promise<GalleryImageRow> {
  const now = new Date();
  const { row } = await insertImage(postgres.db, {
    id: newId(),
    userId,
    prompt: `picture ${n}`,
    provider: 'external',
    width: 64,
    height: 64,
    format: 'png',
    url: `https://images.example.com/${n}.png`,
    storage: 'external',
    createdAt: now,
    updatedAt: now,
  });
  return row!;
}

describe('gallery repository', () => {
  it('pages a trash whose images were deleted in the same millisecond without gaps or repeats', async () => {
    const userId = `ties-${newId()}`;
    const rows = [];
    for (let n = 0; n < 5; n += 1) rows.push(await insertFor(userId, n));
    const sameInstant = new Date('2025-03-01T10:00:00.123Z');
    for (const row of rows.slice(0, 4)) await softDeleteImage(postgres.db, { userId, id: row.id, at: sameInstant });
    await softDeleteImage(postgres.db, { userId, id: rows[4]!.id, at: new Date('2025-03-01T09:00:00.000Z') });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDeletedImages(postgres.db, { userId, limit: 2, cursor });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    const tied = rows.slice(0, 4).map((row) => row.id).sort().reverse();
    expect(seen).toEqual([...tied, rows[4]!.id]);
  });

  describe("with many other users' rows", () => {
    const userId = `indexed-${newId()}`;

    beforeAll(async () => {
      // 50 000 rows of 500 other users, a tenth of them in the trash.
      await postgres.db.execute(sql`
        insert into gallery_images (id, user_id, prompt, provider, width, height, format, url, storage, deleted_at)
        select gen_random_uuid(), 'crowd-' || (g % 500), 'p', 'offline', 64, 64, 'png', 'https://x/p.png', 'disk',
               case when g % 10 = 0 then now() - make_interval(secs => g) end
        from generate_series(1, 50000) as g`);
      for (let n = 0; n < 30; n += 1) {
        const row = await insertFor(userId, n);
        if (n % 3 === 0) await softDeleteImage(postgres.db, { userId, id: row.id, at: new Date(Date.now() - n) });
      }
      await postgres.db.execute(sql`analyze gallery_images`);
    });

    async function plan(query: SQL): Promise<string> {
      const result = (await postgres.db.execute(sql`explain ${query}`)) as unknown as {
        rows: Array<Record<string, string>>;
      };
      return result.rows.map((row) => Object.values(row)[0]).join('\n');
    }

    it.each([
      ['first page', undefined],
      ['a later page', 'cursor'],
    ])("reads one user's gallery (%s) from its index, not by scanning the table", async (_, withCursor) => {
      const first = await selectLiveImages(postgres.db, { userId, limit: 5 });
      const cursor = withCursor ? Buffer.from(JSON.stringify([first[4]!.id])).toString('base64url') : undefined;

      const text = await plan(selectLiveImages(postgres.db, { userId, limit: 5, cursor }).getSQL());

      expect(text).toContain('gallery_images_user_live_idx');
      expect(text).not.toMatch(/Seq Scan/);
    });

    it.each([
      ['first page', undefined],
      ['a later page', 'cursor'],
    ])("reads one user's trash (%s) from its index, not by scanning the table", async (_, withCursor) => {
      const first = await selectDeletedImages(postgres.db, { userId, limit: 5 });
      const last = first[4]!;
      const cursor = withCursor
        ? Buffer.from(JSON.stringify([last.deletedAt!.toISOString(), last.id])).toString('base64url')
        : undefined;

      const text = await plan(selectDeletedImages(postgres.db, { userId, limit: 5, cursor }).getSQL());

      expect(text).toContain('gallery_images_user_trash_idx');
      expect(text).not.toMatch(/Seq Scan/);
    });

    it.each([
      ['nothing old enough yet', 30, false],
      ['a tenth of the table expired', 0, false],
      ['a later batch', 0, true],
    ])('finds the trash to purge across users (%s) from the purge index, oldest first', async (_, days, later) => {
      const before = new Date(Date.now() - days * 24 * 3600 * 1000);
      const after = later ? { deletedAt: new Date(Date.now() - 3600 * 1000), id: newId() } : undefined;
      const text = await plan(selectTrashBatch(postgres.db, { before, after, limit: 200 }).getSQL());
      expect(text).toContain('gallery_images_trash_purge_idx');
      expect(text).not.toMatch(/Seq Scan|Sort/);
    });

    it("empties one user's trash from that user's trash index", async () => {
      const text = await plan(selectTrashBatch(postgres.db, { userId, limit: 200 }).getSQL());
      expect(text).toContain('gallery_images_user_trash_idx');
      expect(text).not.toMatch(/Seq Scan/);
    });
  });
});
