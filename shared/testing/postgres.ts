import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, openPglite, type Postgres } from '../connections/postgres.js';

/**
 * A fresh, empty Postgres for one test file: a new database on the server named by DATABASE_URL
 * (dropped again by `close`), or an in-memory PGlite when there is no server.
 */
export async function createTestPostgres(): Promise<Postgres> {
  const database = await createTestDatabaseUrl();
  if (!database) return openPglite();
  const postgres = await connectPostgres(database.url, { poolSize: 5 });
  return {
    ...postgres,
    close: async () => {
      await postgres.close();
      await database.drop();
    },
  };
}

/**
 * A fresh database on the test server for a whole process under test (the end-to-end tests
 * start Atelier with it as DATABASE_URL), or null when there is no server (Atelier then uses
 * PGlite in its data folder).
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = inject('databaseUrl');
  if (!serverUrl) return null;
  const name = `atelier_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
