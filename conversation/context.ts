import type { MediaLinks } from '../image-service/index.js';
import type { Logger } from '../shared/logger.js';
import type { QuotaPort } from '../shared/quota.js';
import type { EventFeed } from '../shared/event-log.js';
import type { StageDurations } from '../shared/stage-durations.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { PipelineQueues } from './pipeline/queues.js';
import type { ConversationStore } from './store/port.js';

/** What the conversation use cases and routes need; built once at start by the gateway. */
export interface ConversationContext {
  store: ConversationStore;
  queues: PipelineQueues;
  realtime: RealtimePublisher;
  /** Recent stage durations: workers record them, waiting messages' `eta_ms` is estimated from them. */
  durations?: StageDurations;
  /** The message event log and its live feed (gateways): replays, SSE, long polls. */
  feed: EventFeed;
  /** The image URLs a message carries are built with these, when it is read. */
  links: MediaLinks;
  logger: Logger;
  /** Base of the `Location` URLs handed out. */
  publicUrl: string;
  /** The image quota: a message is charged when posted, and given its unit back if it fails. */
  quota: QuotaPort;
}
