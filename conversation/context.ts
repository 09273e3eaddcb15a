import type { GalleryContext } from '../gallery/index.js';
import type { MediaLinks } from '../image-service/index.js';
import type { Logger } from '../shared/logger.js';
import type { QuotaPort } from '../shared/quota.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { PipelineQueues } from './pipeline/queues.js';
import type { ConversationStore } from './store/port.js';

/** What the conversation use cases and routes need; built once at start by the gateway. */
export interface ConversationContext {
  store: ConversationStore;
  queues: PipelineQueues;
  realtime: RealtimePublisher;
  /** The image URLs a message carries are built with these, when it is read. */
  links: MediaLinks;
  logger: Logger;
  /** Base of the `Location` URLs handed out. */
  publicUrl: string;
  /** The image quota: a message is charged when posted, and given its unit back if it fails. */
  quota: QuotaPort;
  /** A message naming its source image (`options.source_image_id`) is checked against the user's gallery when posted. */
  gallery: GalleryContext;
}
