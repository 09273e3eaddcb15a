import type { Postgres } from '../shared/connections/postgres.js';
import { projectPath } from '../shared/paths.js';

/**
 * Apply the gallery's committed drizzle-kit migrations. Tracked in their own table, so the
 * conversation store's migrations can share the database without interfering. Safe on every start.
 */
export async function migrateGallery(postgres: Postgres): Promise<void> {
  await postgres.migrate({ folder: projectPath('gallery', 'migrations'), table: '__gallery_migrations' });
}
