import type { Database } from '../shared/connections/postgres.js';
import type { Logger } from '../shared/logger.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { ImageStorage } from '../image-service/index.js';

/** What the gallery's use cases and routes need, built once at start. */
export interface GalleryContext {
  db: Database;
  /** The configured image storage; permanent delete removes files it owns. */
  storage: ImageStorage;
  realtime: RealtimePublisher;
  logger: Logger;
}
