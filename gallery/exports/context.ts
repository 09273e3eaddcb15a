import type { Queue } from 'bullmq';
import type { ImageStorage, MediaSigner } from '../../image-service/index.js';
import type { Database } from '../../shared/connections/postgres.js';
import type { Logger } from '../../shared/logger.js';
import type { RealtimePublisher } from '../../shared/realtime.js';
import type { ExportJob } from './queue.js';

/** What the gallery's exports need, built once at start (gateway/context.ts). */
export interface ExportsContext {
  db: Database;
  /** The configured image storage: each image is read from it, one at a time. */
  storage: ImageStorage;
  /** Builds and removes exports (gallery/exports/queue.ts). */
  queue: Queue<ExportJob>;
  /**
   * The media folder (`DATA_DIR/media`). Export files are written under
   * `users/{userId}/exports/` in it, whatever storage holds the images, and served by the
   * gateway's signed `/media/` route.
   */
  mediaDir: string;
  /** Signs the download URL, expiring with the export. */
  signer: MediaSigner;
  /** The base of the URLs handed out. */
  publicUrl: string;
  realtime: RealtimePublisher;
  logger: Logger;
  /** EXPORT_MAX_IMAGES: the most images one export may hold (default 5000). */
  maxImages: number;
  /** EXPORT_TTL_S: how long a finished export lives (default 86400). */
  ttlSeconds: number;
  /** The clock (tests). Default `() => new Date()`. */
  now?: () => Date;
}
