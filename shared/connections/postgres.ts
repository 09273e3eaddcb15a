import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';

/** The drizzle database every repository takes: the same query API on a server and on PGlite. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface Postgres {
  db: Database;
  /** What it runs on, for the start banner and `/ready`. */
  kind: 'postgres' | 'pglite';
  /** Apply one service's committed drizzle-kit migrations, tracked in their own table. */
  migrate(options: { folder: string; table: string }): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How long getting a connection, and one query, may take before the database counts as down. */
export const DATABASE_TIMEOUTS = { connectMs: 2000, queryMs: 10_000 };

/**
 * A Postgres server, through a `pg` pool. A server that is down or hung fails a query within
 * {@link DATABASE_TIMEOUTS} (a request then answers 503), never waits for ever; `onError` hears
 * of an idle connection that lost its server (the next query reconnects).
 */
export async function connectPostgres(
  url: string,
  options: { poolSize?: number; onError?: (error: Error) => void } = {},
): Promise<Postgres> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
    query_timeout: DATABASE_TIMEOUTS.queryMs,
    keepAlive: true,
  });
  pool.on('error', options.onError ?? (() => {}));
  const db = drizzleNodePg({ client: pool });
  return {
    db,
    kind: 'postgres',
    migrate: async ({ folder, table }) => {
      // Several processes may start at once against one server; drizzle's migrator takes no lock
      // of its own, so they take turns on an advisory lock held for the duration.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock(hashtext($1))', [`atelier:${table}`]);
        await migrateNodePg(db, { migrationsFolder: folder, migrationsTable: table });
      } finally {
        await lock.query('select pg_advisory_unlock(hashtext($1))', [`atelier:${table}`]).catch(() => undefined);
        lock.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/**
 * Real Postgres in-process (PGlite). With `dataDir`, its files live there and survive a restart;
 * without, it is in memory (tests). One process only: PGlite cannot be shared.
 */
export async function openPglite(dataDir?: string): Promise<Postgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client });
  return {
    db,
    kind: 'pglite',
    migrate: ({ folder, table }) => migratePglite(db, { migrationsFolder: folder, migrationsTable: table }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
