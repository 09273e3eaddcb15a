import type { Postgres } from '../shared/connections/postgres.js';
import { projectPath } from '../shared/paths.js';

/** Apply the webhook tables' committed migrations (tracked in their own table). Safe on every start. */
export async function migrateWebhooks(postgres: Postgres): Promise<void> {
  await postgres.migrate({ folder: projectPath('webhooks', 'migrations'), table: '__webhooks_migrations' });
}
