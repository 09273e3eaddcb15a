import type { Database } from '../shared/connections/postgres.js';

/** What the templates service's use cases and routes need, built once at start. */
export interface TemplatesContext {
  db: Database;
}
