import pg from 'pg';
import { migrateGallery } from '../gallery/migrate.js';
import { listImages } from '../gallery/repository.js';
import type { GalleryFilter, GallerySort } from '../gallery/list-filter.js';
import { connectPostgres } from '../shared/connections/postgres.js';

/**
 * The gallery's list and search for one user among many, as that user's gallery grows: p50 of
 * the repository's own queries (what `GET /v1/gallery/` runs) for users with 1k, 100k and 1M
 * images, in one table that also holds a crowd of other users' images, and each figure's ratio to
 * the 1k one (the goal: within 1.5×).
 *
 * Rows are bulk-inserted with `generate_series` into a database of their own (`atelier_bench_gallery`
 * on the server of DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), with the
 * gallery's migrations applied, so the indexes are the real ones. The secondary indexes are
 * dropped while loading and built again after (a bulk load's usual way), then the table is analysed.
 * Ids are UUIDv7 made from the row's creation time, as the app makes them.
 *
 *   npm run bench:gallery    [-- --sizes 1000,100000,1000000 --crowd 200000 --runs 200 --reuse]
 *
 * `--reuse` keeps a database loaded with the same sizes by an earlier run.
 */

const args = new Map(process.argv.slice(2).map((arg, index, all) => [arg, all[index + 1]]));
const sizes = (args.get('--sizes') ?? '1000,100000,1000000').split(',').map(Number);
const crowd = Number(args.get('--crowd') ?? 200_000);
const runs = Number(args.get('--runs') ?? 200);
const reuse = process.argv.includes('--reuse');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'atelier_bench_gallery';
const BATCH = 100_000;

const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${DATABASE}`;

/** The queries measured for each user: what a gallery grid, a session view and a search send. */
const QUERIES: Array<{ name: string; sort?: GallerySort; filter?: GalleryFilter; secondPage?: boolean }> = [
  { name: 'list, newest first' },
  { name: 'list, oldest first', sort: 'oldest' },
  { name: 'list, page 2 (cursor)', secondPage: true },
  { name: 'list, intent + not nsfw', filter: { intent: 'edit', isNsfw: false } },
  { name: 'list, last 30 days', filter: { createdAfter: new Date(Date.now() - 30 * 86_400_000) } },
  { name: 'search "lighthouse" (1 in 8)', filter: { q: 'lighthouse' } },
  { name: 'search "misty harbour"', filter: { q: 'misty harbour' } },
  { name: 'search "zebra" (1 in 100)', filter: { q: 'zebra' } },
  { name: 'search "zebras", oldest', sort: 'oldest', filter: { q: 'zebras' } },
];

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const userOf = (size: number) => `bench-user-${size}`;

/** `rows` images of `user` (or of `users` crowd users), made over the last year, newest last. */
async function load(client: pg.Client, rows: number, owner: { user: string } | { crowdUsers: number }): Promise<void> {
  const userExpr = 'user' in owner ? pg.escapeLiteral(owner.user) : `'crowd-' || (g % ${owner.crowdUsers})`;
  for (let from = 1; from <= rows; from += BATCH) {
    const to = Math.min(rows, from + BATCH - 1);
    await client.query(`
      insert into gallery_images (id, user_id, session_id, message_id, prompt, refined_prompt, intent, provider, model, seed,
                                  width, height, format, bytes, url, storage, storage_key, is_nsfw, created_at, updated_at)
      select bench_uuid7(t), ${userExpr}, bench_session(${pg.escapeLiteral(JSON.stringify(owner))}, g / 40), gen_random_uuid(),
             p.prompt, p.prompt || ', ' || (array['golden hour light', 'soft studio light', 'dramatic shadows', 'misty morning'])[1 + (g * 31) % 4]
                        || ', ' || (array['oil painting', 'photograph', 'watercolour', 'cinematic still', 'ink drawing'])[1 + (g * 17) % 5],
             (array['generate', 'generate', 'edit', 'enhance'])[1 + g % 4], 'offline', 'offline-renderer-1', g,
             1024, 1024, 'png', 90000 + g % 5000, null, 'disk', 'u/' || g || '.png', g % 50 = 0, t, t
      from generate_series(${from}, ${to}) as g,
           lateral (select now() - make_interval(secs => (${rows} - g) * (31536000.0 / ${rows})) as t) as time,
           lateral (select 'a ' || (array['quiet', 'misty', 'bright', 'ancient', 'lonely', 'vivid', 'calm', 'stormy', 'golden', 'tiny'])[1 + (g * 7) % 10]
                         || ' ' || (array['lighthouse', 'forest', 'cat', 'harbour', 'mountain', 'city', 'portrait', 'garden'])[1 + (g * 13) % 8]
                         || ' ' || (array['at dusk', 'in the rain', 'by the sea', 'in winter', 'at noon', 'under stars'])[1 + (g * 11) % 6]
                         || case when g % 100 = 42 then ' with a zebra' else '' end as prompt) as p`);
    process.stdout.write('.');
  }
}

async function prepare(): Promise<void> {
  const marker = JSON.stringify({ sizes, crowd });
  if (reuse) {
    const loaded = await admin(benchUrl.toString(), async (client) =>
      (await client.query(`select obj_description('gallery_images'::regclass) as marker`)).rows[0]?.marker as string | undefined,
    ).catch(() => undefined);
    if (loaded === marker) return console.log(`reusing ${DATABASE} (${marker})`);
  }
  await admin(serverUrl, async (client) => {
    await client.query(`drop database if exists ${DATABASE} with (force)`);
    await client.query(`create database ${DATABASE}`);
  });
  const postgres = await connectPostgres(benchUrl.toString(), { poolSize: 2 });
  await migrateGallery(postgres);
  await postgres.close();
  await admin(benchUrl.toString(), async (client) => {
    await client.query(`
      create function bench_uuid7(t timestamptz) returns uuid language sql volatile as $$
        select (lpad(to_hex((extract(epoch from t) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3)
                || to_hex(8 + floor(random() * 4)::int) || substr(md5(random()::text), 1, 15))::uuid $$;
      create function bench_session(owner text, n bigint) returns uuid language sql immutable as $$
        select md5(owner || ':' || n)::uuid $$;`);
    // Load without the secondary indexes, then build them again from their own definitions.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes where tablename = 'gallery_images' and indexname <> 'gallery_images_pkey'`,
    );
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    const started = performance.now();
    process.stdout.write(`loading a crowd of ${crowd} rows (1000 users)`);
    await load(client, crowd, { crowdUsers: 1000 });
    for (const size of sizes) {
      process.stdout.write(`\nloading ${size} rows of ${userOf(size)}`);
      await load(client, size, { user: userOf(size) });
    }
    process.stdout.write(`\nbuilding ${indexes.length} indexes`);
    for (const index of indexes) await client.query(index.definition);
    await client.query('vacuum analyze gallery_images');
    await client.query(`comment on table gallery_images is ${pg.escapeLiteral(marker)}`);
    console.log(`\nloaded ${crowd + sizes.reduce((a, b) => a + b, 0)} rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

await prepare();
const postgres = await connectPostgres(benchUrl.toString(), { poolSize: 1 });
const results = new Map<string, number[]>();
for (const query of QUERIES) {
  // The sizes take turns, run by run, so whatever else the machine does falls on all of them alike.
  const inputs = [];
  for (const size of sizes) {
    const input = { userId: userOf(size), limit: 20, sort: query.sort, filter: query.filter };
    const cursor = query.secondPage ? ((await listImages(postgres.db, input)).nextCursor ?? undefined) : undefined;
    inputs.push({ ...input, cursor });
  }
  const times = sizes.map(() => [] as number[]);
  for (let run = 0; run < runs + 10; run += 1) {
    for (const [index, input] of inputs.entries()) {
      const started = performance.now();
      const page = await listImages(postgres.db, input);
      const took = performance.now() - started;
      if (page.items.length === 0) throw new Error(`${query.name} found nothing for ${input.userId}`);
      if (run >= 10) times[index]?.push(took); // the first ten warm the caches
    }
  }
  results.set(query.name, times.map(p50));
}
await postgres.close();

console.log(`\ngallery list and search, p50 of ${runs} runs (ms), one user beside ${crowd} rows of 1000 other users; ratio to the ${sizes[0]} figure`);
console.log(`${'query'.padEnd(34)}${sizes.map((size) => `${size} rows`.padStart(20)).join('')}`);
for (const [name, figures] of results) {
  const base = figures[0] as number;
  const cells = figures.map((ms, index) => (index === 0 ? `${ms.toFixed(2)}` : `${ms.toFixed(2)} (${(ms / base).toFixed(2)}×)`).padStart(20));
  console.log(`${name.padEnd(34)}${cells.join('')}`);
}
