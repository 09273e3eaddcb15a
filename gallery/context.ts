import type { Database } from '../shared/connections/postgres.js';
import type { Logger } from '../shared/logger.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { GalleryImageRow } from './schema.js';
import type { ImageStorage, MediaLinks } from '../image-service/index.js';

/** What the gallery's use cases and routes need, built once at start. */
export interface GalleryContext {
  db: Database;
  /** The configured image storage; permanent delete removes files it owns. */
  storage: ImageStorage;
  /** The image URLs are built with these, when a row is read. */
  links: MediaLinks;
  realtime: RealtimePublisher;
  logger: Logger;
  /**
   * Told when an image is deleted for good, so what pointed at it can say so (the chat message
   * that made it). Best effort: the deletion stands whatever it does.
   */
  onDeletedForGood?: (image: GalleryImageRow) => Promise<void>;
}
