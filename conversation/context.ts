import type { GalleryContext } from '../gallery/index.js';
import type { MediaLinks } from '../image-service/index.js';
import type { DomainEventSink } from '../shared/domain-events.js';
import type { FinalHook } from './transition-message.js';
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
  /**
   * Moves the user's gallery images made in a session to the gallery's trash (a session deleted
   * with `images=trash`); returns how many. The gateway wires it to the gallery's public use
   * case, so this service never reaches into the gallery.
   */
  trashSessionImages: (input: { userId: string; sessionId: string }) => Promise<number>;
  /**
   * A prompt template rendered with the message's variables (the templates service's
   * `renderTemplate`): `NotFound` for a template the user may not see, `ValidationFailed` naming
   * `body.variables.<name>` for a missing one. Wired by the gateway.
   */
  renderTemplate: (input: {
    userId: string;
    orgId: string;
    templateId: string;
    variables: Readonly<Record<string, string>>;
  }) => Promise<{ content: string; templateId: string }>;
  /** Told when a message reaches a final status (webhooks); unset: nobody listens. */
  onEvent?: DomainEventSink | undefined;
  /** Told, and awaited, when a message reaches a final status (the usage rollup; see transition-message.ts). */
  onFinal?: FinalHook | undefined;
  /** A message naming its source image (`options.source_image_id`) is checked against the user's gallery when posted. */
  gallery: GalleryContext;
}
