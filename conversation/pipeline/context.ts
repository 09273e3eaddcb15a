import type { GalleryContext } from '../../gallery/index.js';
import type { ImageGenerator, ImageStorage, MediaLinks } from '../../image-service/index.js';
import type { PromptEngine } from '../../prompt-service/index.js';
import type { DomainEventSink } from '../../shared/domain-events.js';
import type { FinalHook } from '../transition-message.js';
import type { Logger } from '../../shared/logger.js';
import type { ModerationPolicy } from '../../shared/moderation.js';
import type { OutageMonitor } from '../../shared/outages.js';
import type { QuotaPort } from '../../shared/quota.js';
import type { StageDurations } from '../../shared/stage-durations.js';
import type { RealtimePublisher } from '../../shared/realtime.js';
import type { ConversationStore } from '../store/port.js';
import type { PipelineQueues } from './queues.js';

/**
 * What the pipeline's workers need; built once at start by the gateway. It is the prompt
 * service's and the image service's context too: the stages call their use cases with it.
 */
export interface PipelineContext {
  store: ConversationStore;
  queues: PipelineQueues;
  realtime: RealtimePublisher;
  /** Recent stage durations: workers record them, waiting messages' `eta_ms` is estimated from them. */
  durations?: StageDurations;
  /** The URLs the `message.updated` events carry are built with these. */
  links: MediaLinks;
  logger: Logger;
  /** Told when the database, Redis or MongoDB stops answering, so an outage is logged once. */
  outages: OutageMonitor;
  promptEngine: PromptEngine;
  imageGenerator: ImageGenerator;
  /** The refine stage checks each prompt with it before any image is made (moderatePrompt). */
  moderationPolicy: ModerationPolicy;
  storage: ImageStorage;
  gallery: GalleryContext;
  /** A message that fails gives its quota unit back (fail-message.ts). */
  quota: QuotaPort;
  /** Told when a message reaches a final status (webhooks); unset: nobody listens. */
  onEvent?: DomainEventSink | undefined;
  /** Told, and awaited, when a message reaches a final status (the usage rollup; see transition-message.ts). */
  onFinal?: FinalHook | undefined;
}
