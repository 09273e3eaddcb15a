import type { Postgres } from '../shared/connections/postgres.js';
import { projectPath } from '../shared/paths.js';

/** Apply the usage rollup's committed migrations (tracked in their own table). Safe on every start. */
export async function migrateUsage(postgres: Postgres): Promise<void> {
  await postgres.migrate({ folder: projectPath('usage', 'migrations'), table: '__usage_migrations' });
}
