import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Postgres } from '../shared/connections/postgres.js';
import { newId } from '../shared/ids.js';
import { createTestPostgres } from '../shared/testing/postgres.js';
import { listCursor, listingTag } from './list-filter.js';
import { deleteAlbum, findAlbum, insertAlbum, insertAlbumImages, selectAlbums } from './album-repository.js';
import { migrateGallery } from './migrate.js';
import { hardDeleteImage, insertImage, selectLiveImages, setFavorites, softDeleteImage } from './repository.js';
import { galleryAlbumImages } from './schema.js';

/**
 * Favorites and albums in the repository: what a purge and an album's deletion leave behind, and
 * which indexes the filtered lists read among many other users' rows.
 */

let postgres: Postgres;

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateGallery(postgres);
});

afterAll(async () => {
  await postgres?.close();
});

async function imageOf(userId: string): Promise<string> {
  const { row } = await insertImage(postgres.db, {
    id: newId(),
    userId,
    prompt: 'p',
    provider: 'external',
    width: 64,
    height: 64,
    format: 'png',
    url: 'https://images.example.com/p.png',
    storage: 'external',
  });
  return row!.id;
}

async function memberships(imageOrAlbum: string): Promise<number> {
  const rows = await postgres.db
    .select()
    .from(galleryAlbumImages)
    .where(sql`${galleryAlbumImages.imageId} = ${imageOrAlbum} or ${galleryAlbumImages.albumId} = ${imageOrAlbum}`);
  return rows.length;
}

describe('album memberships', () => {
  it('go with an image deleted for good, and with a deleted album, which leaves its images', async () => {
    const userId = `members-${newId()}`;
    const [first, second] = [await insertAlbum(postgres.db, { id: newId(), userId, name: 'a', at: new Date() }), await insertAlbum(postgres.db, { id: newId(), userId, name: 'b', at: new Date() })];
    const [kept, purged] = [await imageOf(userId), await imageOf(userId)];
    for (const album of [first, second]) await insertAlbumImages(postgres.db, { userId, albumId: album.id, ids: [kept, purged], at: new Date() });
    expect(await memberships(purged)).toBe(2);

    await hardDeleteImage(postgres.db, { userId, id: purged });
    expect(await memberships(purged)).toBe(0);
    expect(await memberships(kept)).toBe(2);

    expect(await deleteAlbum(postgres.db, { userId, id: first.id })).toBe(true);
    expect(await memberships(first.id)).toBe(0);
    expect(await findAlbum(postgres.db, { userId, id: second.id })).toMatchObject({ imageCount: 1 });
    expect(await selectLiveImages(postgres.db, { userId, limit: 10 })).toHaveLength(1);
  });

  it('are only made of the user\'s own live images', async () => {
    const userId = `own-${newId()}`;
    const album = await insertAlbum(postgres.db, { id: newId(), userId, name: 'a', at: new Date() });
    const [live, trashed, foreign] = [await imageOf(userId), await imageOf(userId), await imageOf(`other-${newId()}`)];
    await softDeleteImage(postgres.db, { userId, id: trashed, at: new Date() });
    expect(await insertAlbumImages(postgres.db, { userId, albumId: album.id, ids: [live, trashed, foreign], at: new Date() })).toEqual([live]);
    expect(await insertAlbumImages(postgres.db, { userId, albumId: album.id, ids: [live], at: new Date() })).toEqual([]);
  });
});

describe("with many other users' rows", () => {
  const userId = `indexed-${newId()}`;
  let albumId = '';

  beforeAll(async () => {
    // 50 000 images of 500 other users, a tenth trashed, a fifth starred; an album each holding
    // 40 of their images.
    await postgres.db.execute(sql`
      insert into gallery_images (id, user_id, prompt, provider, width, height, format, url, storage, deleted_at, favorited_at)
      select gen_random_uuid(), 'crowd-' || (g % 500), 'p', 'offline', 64, 64, 'png', 'https://x/p.png', 'disk',
             case when g % 10 = 0 then now() end, case when g % 5 = 0 then now() end
      from generate_series(1, 50000) as g`);
    await postgres.db.execute(sql`
      insert into gallery_albums (id, user_id, name)
      select gen_random_uuid(), 'crowd-' || u, 'crowd' from generate_series(0, 499) as u`);
    await postgres.db.execute(sql`
      insert into gallery_album_images (album_id, image_id, user_id)
      select a.id, i.id, i.user_id from gallery_albums a
      join lateral (select id, user_id from gallery_images where user_id = a.user_id limit 40) i on true
      where a.user_id like 'crowd-%'`);
    albumId = (await insertAlbum(postgres.db, { id: newId(), userId, name: 'mine', at: new Date() })).id;
    const ids: string[] = [];
    for (let n = 0; n < 30; n += 1) ids.push(await imageOf(userId));
    await setFavorites(postgres.db, { userId, ids: ids.filter((_, n) => n % 2 === 0), favorite: true, at: new Date() });
    await insertAlbumImages(postgres.db, { userId, albumId, ids: ids.filter((_, n) => n % 3 === 0), at: new Date() });
    await postgres.db.execute(sql`analyze gallery_images`);
    await postgres.db.execute(sql`analyze gallery_albums`);
    await postgres.db.execute(sql`analyze gallery_album_images`);
  });

  async function plan(query: SQL): Promise<string> {
    const result = (await postgres.db.execute(sql`explain ${query}`)) as unknown as { rows: Array<Record<string, string>> };
    return result.rows.map((row) => Object.values(row)[0]).join('\n');
  }

  it.each([
    ['first page', false],
    ['a later page', true],
  ])("reads one user's favorites (%s) from their own index", async (_, later) => {
    const filter = { favorite: true };
    const first = await selectLiveImages(postgres.db, { userId, limit: 3, filter });
    const cursor = later ? listCursor(listingTag('newest', filter), first[2]!.id) : undefined;
    const text = await plan(selectLiveImages(postgres.db, { userId, limit: 3, filter, cursor }).getSQL());
    expect(text).toContain('gallery_images_user_favorite_idx');
    expect(text).not.toMatch(/Seq Scan/);
  });

  it("reads one user's album, and the other images, without scanning a table", async () => {
    for (const query of [{ albumId }, { favorite: false }, { albumId, favorite: true }]) {
      const text = await plan(selectLiveImages(postgres.db, { userId, limit: 3, ...query }).getSQL());
      expect(text, JSON.stringify(query)).not.toMatch(/Seq Scan/);
    }
  });

  it("counts the images of one user's albums without scanning a table", async () => {
    const text = await plan(selectAlbums(postgres.db, { userId, limit: 20 }).getSQL());
    expect(text).toContain('gallery_albums_user_idx');
    expect(text).not.toMatch(/Seq Scan/);
  });
});
