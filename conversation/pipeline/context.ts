import type { GalleryContext } from '../../gallery/index.js';
import type { ImageGenerator, ImageStorage } from '../../image-service/index.js';
import type { PromptEngine } from '../../prompt-service/index.js';
import type { Logger } from '../../shared/logger.js';
import type { RealtimePublisher } from '../../shared/realtime.js';
import type { ConversationStore } from '../store/port.js';
import type { PipelineQueues } from './queues.js';

/** What the pipeline's workers need; built once at start by the gateway. */
export interface PipelineContext {
  store: ConversationStore;
  queues: PipelineQueues;
  realtime: RealtimePublisher;
  logger: Logger;
  promptEngine: PromptEngine;
  imageGenerator: ImageGenerator;
  storage: ImageStorage;
  gallery: GalleryContext;
}
