import fc from 'fast-check';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Postgres } from '../shared/connections/postgres.js';
import { ValidationFailed } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { encodeCursor } from '../shared/pagination.js';
import { createTestPostgres } from '../shared/testing/postgres.js';
import { GALLERY_SORTS, type GalleryFilter, type GallerySort } from './list-filter.js';
import { migrateGallery } from './migrate.js';
import { insertImage, listImages, selectLiveImages, softDeleteImage } from './repository.js';
import type { GalleryImageRow } from './schema.js';

/**
 * The gallery's filters, search and sorts against a model of them: a user's images with known
 * sessions, intents, providers, models, flags, times and prompts (and another user's look-alikes),
 * paged through with small pages under each filter alone, under combinations fast-check picks, in
 * both orders; every page sequence must be exactly the expected rows, in order, once each.
 */

let postgres: Postgres;
const userId = `finder-${newId()}`;
const otherUserId = `other-${newId()}`;
const sessions = [newId(), newId(), newId()];
const INTENTS = ['generate', 'edit', 'enhance'] as const;
const PROVIDERS = ['offline', 'gemini', 'external'] as const;
const MODELS = ['renderer-1', 'flash-image', null] as const;
/** Words of the prompts, and what each search term must find: English stems, and a word of another language, as written. */
const WORDS = ['sunset', 'sunsets', 'forest', 'forests', 'cat', 'cats', 'harbour', 'Sonnenuntergang'] as const;
const FINDS: Record<string, readonly string[]> = {
  sunset: ['sunset', 'sunsets'],
  sunsets: ['sunset', 'sunsets'],
  forest: ['forest', 'forests'],
  cats: ['cat', 'cats'],
  harbour: ['harbour'],
  sonnenuntergang: ['Sonnenuntergang'],
  zebra: [],
};
const DAY = 24 * 3600 * 1000;
const START = Date.parse('2025-06-01T00:00:00.000Z');

/** The user's live rows, as the model knows them. */
let live: GalleryImageRow[] = [];

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateGallery(postgres);
  // A fixed, varied set: every value of every field appears, in many combinations.
  for (let n = 0; n < 72; n += 1) {
    for (const owner of [userId, otherUserId]) {
      const { row } = await insertImage(postgres.db, {
        id: newId(),
        userId: owner,
        sessionId: n % 4 === 3 ? null : (sessions[n % 3] as string),
        messageId: n % 2 === 0 ? newId() : null,
        prompt: `a ${WORDS[n % WORDS.length]} study`,
        refinedPrompt: n % 5 === 0 ? null : `detailed ${WORDS[(n * 3 + 1) % WORDS.length]}, golden light`,
        intent: INTENTS[n % 3] as string,
        provider: PROVIDERS[Math.floor(n / 3) % 3] as string,
        model: MODELS[n % 3 === 0 ? 0 : (n % 7) % 3] ?? null,
        width: 64,
        height: 64,
        format: 'png',
        url: `https://images.example.com/${n}.png`,
        storage: 'external',
        isNsfw: n % 6 === 0,
        // Times not in id order for every row, so a window is its own filter, not an id range.
        createdAt: new Date(START + ((n * 5) % 72) * DAY),
        updatedAt: new Date(START),
      });
      if (owner === userId) live.push(row!);
      if (n % 9 === 4) await softDeleteImage(postgres.db, { userId: owner, id: row!.id, at: new Date() });
    }
  }
  const trashed = new Set(live.filter((_, n) => n % 9 === 4).map((row) => row.id));
  live = live.filter((row) => !trashed.has(row.id));
});

afterAll(async () => {
  await postgres?.close();
});

function matches(row: GalleryImageRow, filter: GalleryFilter): boolean {
  const words = `${row.prompt} ${row.refinedPrompt ?? ''}`.split(/[\s,]+/);
  return (
    (filter.sessionId === undefined || row.sessionId === filter.sessionId) &&
    (filter.messageId === undefined || row.messageId === filter.messageId) &&
    (filter.intent === undefined || row.intent === filter.intent) &&
    (filter.provider === undefined || row.provider === filter.provider) &&
    (filter.model === undefined || row.model === filter.model) &&
    (filter.isNsfw === undefined || row.isNsfw === filter.isNsfw) &&
    (filter.createdAfter === undefined || row.createdAt >= filter.createdAfter) &&
    (filter.createdBefore === undefined || row.createdAt < filter.createdBefore) &&
    (filter.q === undefined || (FINDS[filter.q.toLowerCase()] ?? []).some((word) => words.includes(word)))
  );
}

function expected(filter: GalleryFilter, sort: GallerySort): string[] {
  const ids = live.filter((row) => matches(row, filter)).map((row) => row.id).sort();
  return sort === 'newest' ? ids.reverse() : ids;
}

/** Every id of every page, following the cursors; also checks no page is over the limit. */
async function pageThrough(filter: GalleryFilter, sort: GallerySort, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages += 1) {
    const page = await listImages(postgres.db, { userId, limit, cursor, sort, filter });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((row) => row.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const at = (day: number) => new Date(START + day * DAY);
const some = (filter: GalleryFilter) => expect(expected(filter, 'newest').length).toBeGreaterThan(0);

describe('finding images', () => {
  const alone: Array<[string, GalleryFilter]> = [
    ['no filter', {}],
    ['session_id', { sessionId: sessions[1] }],
    ['message_id', {}], // filled in the test: the seeded rows exist only then
    ['intent', { intent: 'edit' }],
    ['provider', { provider: 'gemini' }],
    ['model', { model: 'flash-image' }],
    ['is_nsfw true', { isNsfw: true }],
    ['is_nsfw false', { isNsfw: false }],
    ['created_after', { createdAfter: at(30) }],
    ['created_before', { createdBefore: at(30) }],
    ['a created window', { createdAfter: at(10), createdBefore: at(20) }],
    ['q, a stem ("sunset" finds "sunsets")', { q: 'sunset' }],
    ['q, a plural ("cats" finds "cat")', { q: 'cats' }],
    ['q, a word of another language, as written', { q: 'Sonnenuntergang' }],
    ['q matching nothing', { q: 'zebra' }],
    ['session, intent and q', { sessionId: sessions[0], intent: 'generate', q: 'forest' }],
    ['provider, model, nsfw and a window', { provider: 'offline', model: 'renderer-1', isNsfw: false, createdAfter: at(5) }],
  ];

  it.each(alone.flatMap(([name, filter]) => GALLERY_SORTS.map((sort) => [name, sort, filter] as const)))(
    '%s, %s first: pages of 4 hold exactly the matching images, in order, once',
    async (name, sort, filter) => {
      // messageId is filled from the seeded rows, which exist only now.
      const resolved = name === 'message_id' ? { messageId: live.find((row) => row.messageId)!.messageId! } : filter;
      if (name !== 'q matching nothing') some(resolved);
      expect(await pageThrough(resolved, sort, 4)).toEqual(expected(resolved, sort));
    },
  );

  it('never repeats nor skips an image under any combination of filters, sort and page size', async () => {
    const filters = fc.record(
      {
        sessionId: fc.constantFrom(...sessions),
        intent: fc.constantFrom(...INTENTS),
        provider: fc.constantFrom(...PROVIDERS),
        model: fc.constantFrom('renderer-1', 'flash-image'),
        isNsfw: fc.boolean(),
        createdAfter: fc.integer({ min: 0, max: 72 }).map(at),
        createdBefore: fc.integer({ min: 0, max: 73 }).map(at),
        q: fc.constantFrom(...Object.keys(FINDS)),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filters, fc.constantFrom(...GALLERY_SORTS), fc.integer({ min: 1, max: 7 }), async (filter, sort, limit) => {
        expect(await pageThrough(filter, sort, limit)).toEqual(expected(filter, sort));
      }),
      { numRuns: 60, seed: 20_251_201 },
    );
  });

  it("never lists another user's images, even with his cursor", async () => {
    const other = await listImages(postgres.db, { userId: otherUserId, limit: 3, filter: { q: 'sunset' } });
    const mine = await listImages(postgres.db, { userId, limit: 100, cursor: other.nextCursor!, filter: { q: 'sunset' } });
    const ids = new Set(live.map((row) => row.id));
    expect(mine.items.every((row) => ids.has(row.id))).toBe(true);
  });

  describe('a cursor', () => {
    async function firstCursor(sort: GallerySort, filter: GalleryFilter): Promise<string> {
      const page = await listImages(postgres.db, { userId, limit: 2, sort, filter });
      expect(page.nextCursor).toEqual(expect.any(String));
      return page.nextCursor!;
    }

    it.each<[string, GallerySort, GalleryFilter, GallerySort, GalleryFilter]>([
      ['another sort', 'newest', {}, 'oldest', {}],
      ['another filter', 'newest', { intent: 'edit' }, 'newest', { intent: 'enhance' }],
      ['a filter dropped', 'oldest', { q: 'sunset' }, 'oldest', {}],
      ['a filter added', 'newest', {}, 'newest', { isNsfw: false }],
      ['another window', 'newest', { createdAfter: at(1) }, 'newest', { createdAfter: at(2) }],
    ])('made under one listing is refused under %s', async (_, sortA, filterA, sortB, filterB) => {
      const cursor = await firstCursor(sortA, filterA);
      await expect(listImages(postgres.db, { userId, limit: 2, cursor, sort: sortB, filter: filterB })).rejects.toBeInstanceOf(ValidationFailed);
    });

    it('continues the same listing however its filter was written', async () => {
      const cursor = await firstCursor('newest', { intent: 'edit', isNsfw: false });
      const page = await listImages(postgres.db, { userId, limit: 2, cursor, filter: { isNsfw: false, intent: 'edit', q: undefined } });
      expect(page.items).toHaveLength(2);
    });

    it('of the old one-part kind still continues the plain newest-first list, and nothing else', async () => {
      const newest = expected({}, 'newest');
      const legacy = encodeCursor([newest[1]!]);
      const page = await listImages(postgres.db, { userId, limit: 2, cursor: legacy });
      expect(page.items.map((row) => row.id)).toEqual(newest.slice(2, 4));
      await expect(listImages(postgres.db, { userId, limit: 2, cursor: legacy, sort: 'oldest' })).rejects.toBeInstanceOf(ValidationFailed);
    });
  });
});

describe("with many other users' rows, the plans", () => {
  const busy = `busy-${newId()}`;

  beforeAll(async () => {
    // 40 000 rows of 200 other users and 4 000 of this one; a few of his mention a zebra. In
    // batches: each is one statement, under the connection's query timeout on a busy machine.
    for (let from = 1; from <= 44_000; from += 4_000) {
      await postgres.db.execute(sql`
        insert into gallery_images (id, user_id, session_id, intent, is_nsfw, prompt, refined_prompt, provider, width, height, format, url, storage)
        select gen_random_uuid(), case when g <= 4000 then ${busy} else 'crowd-' || (g % 200) end,
               gen_random_uuid(), (array['generate', 'edit', 'enhance'])[1 + g % 3], g % 20 = 0,
               'a ' || (array['sunset', 'forest', 'harbour', 'portrait'])[1 + g % 4] || ' study',
               case when g % 1000 = 7 then 'a zebra at noon' else 'detailed, golden light' end,
               'offline', 64, 64, 'png', 'https://x/p.png', 'disk'
        from generate_series(${from}::int, ${from + 3_999}::int) as g`);
    }
    // As autovacuum would have by now: also moves the GIN index's pending entries into the index proper.
    await postgres.db.execute(sql`vacuum analyze gallery_images`);
  });

  async function plan(query: SQL): Promise<string> {
    const result = (await postgres.db.execute(sql`explain ${query}`)) as unknown as { rows: Array<Record<string, string>> };
    return result.rows.map((row) => Object.values(row)[0]).join('\n');
  }

  it.each(GALLERY_SORTS)("read one user's list (%s first, filtered and not) from his index, not by scanning the table", async (sort) => {
    for (const filter of [{}, { intent: 'generate', isNsfw: false }, { createdAfter: new Date(0) }]) {
      const text = await plan(selectLiveImages(postgres.db, { userId: busy, limit: 20, sort, filter }).getSQL());
      expect(text, JSON.stringify(filter)).toContain('gallery_images_user_live_idx');
      expect(text).not.toMatch(/Seq Scan/);
    }
  });

  it("read a search for a rare word from the full-text index", async () => {
    const text = await plan(selectLiveImages(postgres.db, { userId: busy, limit: 20, filter: { q: 'zebras' } }).getSQL());
    expect(text).toContain('gallery_images_search_idx');
    expect(text).not.toMatch(/Seq Scan/);
  });

  it("read a search for a common word without scanning the table", async () => {
    const text = await plan(selectLiveImages(postgres.db, { userId: busy, limit: 20, filter: { q: 'sunset' } }).getSQL());
    expect(text).toMatch(/gallery_images_(search|user_live)_idx/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it("read a session's images from the session index", async () => {
    const result = (await postgres.db.execute(sql`select session_id from gallery_images where user_id = ${busy} limit 1`)) as unknown as {
      rows: Array<{ session_id: string }>;
    };
    const sessionId = result.rows[0]!.session_id;
    const text = await plan(selectLiveImages(postgres.db, { userId: busy, limit: 20, filter: { sessionId } }).getSQL());
    expect(text).toContain('gallery_images_user_session_idx');
  });
});
