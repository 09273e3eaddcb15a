import type { Database } from '../shared/connections/postgres.js';
import type { DomainEventSink } from '../shared/domain-events.js';
import type { Logger } from '../shared/logger.js';
import type { ModerationPolicy } from '../shared/moderation.js';
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
   * MODERATION_POLICY. A record filed by a client (`POST /v1/gallery/`) is never refused for its
   * prompt (the image was not made here), but a flagged prompt marks it nsfw unless this is `off`.
   * Default `block` (which, for these records, marks).
   */
  moderationPolicy?: ModerationPolicy;
  /**
   * Told when an image is deleted for good, so what pointed at it can say so (the chat message
   * that made it). Best effort: the deletion stands whatever it does.
   */
  onDeletedForGood?: (image: GalleryImageRow) => Promise<void>;
  /** How many days an image stays in the trash before the purge deletes it for good (TRASH_RETENTION_DAYS). Default 30. */
  trashRetentionDays?: number;
  /** Told of `gallery.image.created` and `gallery.image.deleted` (webhooks); unset: nobody listens. */
  onEvent?: DomainEventSink | undefined;
}
