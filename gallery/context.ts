import type { Context } from 'hono';
import type { Database } from '../shared/connections/postgres.js';
import type { DomainEventSink } from '../shared/domain-events.js';
import type { Logger } from '../shared/logger.js';
import type { PriceTable } from '../shared/usage.js';
import type { ModerationPolicy } from '../shared/moderation.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { GalleryImageRow } from './schema.js';
import type { ImageStorage, MediaLinks, MediaSigner } from '../image-service/index.js';

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
  /** Prices by model, for each image's estimated `cost` (PRICE_TABLE over the defaults: docs/usage.md). Default: the defaults. */
  prices?: PriceTable | undefined;
  /** Public share links (`/s/{token}`); unset: links can be made and listed, but the public routes are not served. */
  shares?: ShareOptions | undefined;
}

/** What the public share routes need beyond the gallery (docs/gallery.md, "Share links"). */
export interface ShareOptions {
  /** The base of the links handed out (`{publicUrl}/s/{token}`). */
  publicUrl: string;
  /** Signs the image URL a password-protected page embeds, so an `<img>` can load it (the media signer). */
  signer: MediaSigner;
  /** The owner's display name: all a link shows of its owner (identity's `findDisplayName`). */
  displayNameOf: (userId: string) => Promise<string | null>;
  /**
   * Slows password guessing, per link and address (the limits service's login guard): undefined
   * when the attempt may go ahead, else the milliseconds to wait. Unset: not limited.
   */
  guard?: ShareGuard | undefined;
  /** The visitor's address, as the guard counts it (the gateway's client address, TRUST_PROXY aware). */
  clientAddress: (c: Context) => string;
}

export interface ShareGuard {
  admit(key: string, address: string): Promise<number | undefined>;
  settle(key: string, address: string, outcome: 'succeeded' | 'failed' | 'not_attempted'): Promise<void>;
}
