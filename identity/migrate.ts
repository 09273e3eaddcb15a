import type { Postgres } from '../shared/connections/postgres.js';
import { projectPath } from '../shared/paths.js';

/** Apply the identity tables' committed migrations (tracked in their own table). Safe on every start. */
export async function migrateIdentity(postgres: Postgres): Promise<void> {
  await postgres.migrate({ folder: projectPath('identity', 'migrations'), table: '__identity_migrations' });
}
