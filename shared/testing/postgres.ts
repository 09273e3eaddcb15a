import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, openPglite, type Postgres } from '../connections/postgres.js';

/**
 * A fresh, empty Postgres for one test file: a new database on the server named by DATABASE_URL
 * (dropped again by `close`), or an in-memory PGlite when there is no server.
 */
export async function createTestPostgres(): Promise<Postgres> {
  const serverUrl = inject('databaseUrl');
  if (!serverUrl) return openPglite();

  const name = `atelier_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const postgres = await connectPostgres(url.toString(), { poolSize: 5 });
  return {
    ...postgres,
    close: async () => {
      await postgres.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
