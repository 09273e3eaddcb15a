import type { Postgres } from '../shared/connections/postgres.js';
import { projectPath } from '../shared/paths.js';

/** Apply the templates table's committed migrations (tracked in their own table). Safe on every start. */
export async function migrateTemplates(postgres: Postgres): Promise<void> {
  await postgres.migrate({ folder: projectPath('templates', 'migrations'), table: '__templates_migrations' });
}
