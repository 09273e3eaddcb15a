import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectPostgres } from '../shared/connections/postgres.js';
import { getOrgUsageReport, getUsage, GROUP_BYS, migrateUsage, priceTable } from '../usage/index.js';

/**
 * The usage reports on a year of rollup rows: `--users` users (in organisations of `--org-size`),
 * each with a row for every day of a year and every one of 4 (intent, model) pairs. Times a user's
 * report over the whole year for each grouping, and an organisation's, p50 and p95 of `--runs`.
 * Needs a Postgres server: DATABASE_URL (a scratch database is made there and dropped).
 *
 *   DATABASE_URL=postgres://… npm run bench:usage   [-- --users 2000 --org-size 100 --runs 30]
 */

const args = new Map(process.argv.slice(2).map((arg, index, all) => [arg, all[index + 1]]));
const users = Number(args.get('--users') ?? 2000);
const orgSize = Number(args.get('--org-size') ?? 100);
const runs = Number(args.get('--runs') ?? 30);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error('set DATABASE_URL to a Postgres server (a scratch database is made there)');

const name = `atelier_bench_usage_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const postgres = await connectPostgres(url.toString(), { poolSize: 4 });

try {
  await migrateUsage(postgres);
  // Filled through a client of its own: the app's pool stops any query at 10 s.
  const scratch = new pg.Client({ connectionString: url.toString() });
  await scratch.connect();
  const filling = performance.now();
  // Per user: 365 days × 4 (intent, model) pairs, with made/failed/cancelled and tokens; 200 users a statement.
  for (let first = 0; first < users; first += 200) {
    await scratch.query(
      `insert into usage_daily (user_id, day, org_id, intent, provider, model, made, failed, cancelled, images, input_tokens, output_tokens)
       select 'user-' || u, date '2025-01-01' + d, 'org-' || (u / $1), p.intent, 'gemini', p.model,
              (u + d) % 7, (u + d) % 2, case when (u * d) % 3 = 0 then 1 else 0 end, (u + d) % 7, 20 * ((u + d) % 7), 1290 * ((u + d) % 7)
       from generate_series($2::int, $3::int) u, generate_series(0, 364) d,
            (values ('generate', 'gemini-2.5-flash-image'), ('edit', 'gemini-2.5-flash-image'), ('generate', 'gemini-2.5-flash'), ('chat', 'gemini-2.5-flash')) p(intent, model)`,
      [orgSize, first, Math.min(users, first + 200) - 1],
    );
  }
  await scratch.query('analyze usage_daily');
  const rows = (await scratch.query<{ n: number }>('select count(*)::int as n from usage_daily')).rows[0] as { n: number };
  console.log(`filled ${rows.n.toLocaleString()} rollup rows (${users} users, orgs of ${orgSize}) in ${Math.round(performance.now() - filling)} ms`);

  const ctx = { db: postgres.db, prices: priceTable(undefined) };
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const time = async (label: string, work: (run: number) => Promise<unknown>) => {
    await work(0); // warm
    const took: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const started = performance.now();
      await work(run);
      took.push(performance.now() - started);
    }
    took.sort((a, b) => a - b);
    const at = (q: number) => (took[Math.min(took.length - 1, Math.floor(q * took.length))] as number).toFixed(2);
    console.log(`${label.padEnd(40)} p50 ${at(0.5)} ms   p95 ${at(0.95)} ms`);
  };
  for (const groupBy of GROUP_BYS) {
    await time(`user, a year, group_by=${groupBy}`, (run) => getUsage({ ctx, input: { ...year, groupBy, userId: `user-${(run * 7919) % users}` } }));
  }
  await time(`org of ${orgSize}, a year, group_by=day`, (run) => getOrgUsageReport({ ctx, input: { ...year, groupBy: 'day', orgId: `org-${run % Math.max(1, Math.floor(users / orgSize))}` } }));
  await time(`org of ${orgSize}, a month, group_by=model`, (run) => getOrgUsageReport({ ctx, input: { from: '2025-06-01', to: '2025-06-30', groupBy: 'model', orgId: `org-${run % Math.max(1, Math.floor(users / orgSize))}` } }));
  const plan = await scratch.query<{ 'QUERY PLAN': string }>(
    "explain select day, sum(made) from usage_daily where user_id = 'user-1' and day between '2025-01-01' and '2025-12-31' group by 1",
  );
  console.log(`plan of a user's report:\n  ${plan.rows.map((row) => row['QUERY PLAN']).join('\n  ')}`);
  await scratch.end();
} finally {
  await postgres.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
