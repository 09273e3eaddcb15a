import type { Intent } from '../prompt-service/index.js';
import type { ImageFormat } from '../image-service/index.js';

/**
 * The message as the conversation service keeps it (camelCase; the wire shape is in schemas.ts).
 * Its state changes only through message-state.ts.
 */

export const MESSAGE_STATUSES = ['PENDING', 'PROCESSING', 'DONE', 'FAILED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STAGES = ['queued', 'refining', 'generating', 'uploading', 'saving', 'done', 'failed'] as const;
export type MessageStage = (typeof MESSAGE_STAGES)[number];

/** The stages that take time, each timed into `timings`. */
export type WorkingStage = 'refining' | 'generating' | 'uploading' | 'saving';

/** What the client asked for the image, as given (sizes are resolved by the image service). */
export interface MessageOptions {
  width?: number;
  height?: number;
  aspectRatio?: string;
  seed?: number;
  format?: ImageFormat;
}

export interface MessageImage {
  id: string;
  url: string;
  thumbnailUrl: string | null;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
  seed: number;
  provider: string;
  model: string;
  storage: 'disk' | 'cloudinary';
  storageKey: string;
}

export interface MessageError {
  code: string;
  message: string;
  stage: MessageStage;
  retryable: boolean;
}

export interface Refinement {
  negativePrompt: string;
  confidence: number;
  provider: string;
  model: string;
  /** Served from the refinement cache, costing no provider call. */
  cached: boolean;
}

/** What a provider reported it used for one call. */
export interface ProviderUsage {
  stage: WorkingStage;
  provider: string;
  model: string;
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
}

export interface MessageRecord {
  id: string;
  sessionId: string;
  userId: string;
  content: string;
  options: MessageOptions;
  status: MessageStatus;
  stage: MessageStage;
  /** 0..100. */
  progress: number;
  /** Rises by one with every change, so a client can drop an event older than what it holds. */
  sequence: number;
  /** Stage attempts so far (1 on a first run; more when a stage was retried). */
  attempts: number;
  intent: Intent | null;
  refinedPrompt: string | null;
  reply: string | null;
  refinement: Refinement | null;
  image: MessageImage | null;
  error: MessageError | null;
  usage: ProviderUsage[];
  /** Milliseconds each stage took. */
  timings: Partial<Record<WorkingStage, number>>;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface SessionRecord {
  id: string;
  userId: string;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function isFinal(status: MessageStatus): boolean {
  return status === 'DONE' || status === 'FAILED';
}

/** A message as it is first stored: PENDING, queued, nothing done yet. */
export function pendingMessage(input: {
  id: string;
  sessionId: string;
  userId: string;
  content: string;
  options: MessageOptions;
  at: Date;
}): MessageRecord {
  const { at, ...identity } = input;
  return {
    ...identity,
    status: 'PENDING',
    stage: 'queued',
    progress: 0,
    sequence: 1,
    attempts: 0,
    intent: null,
    refinedPrompt: null,
    reply: null,
    refinement: null,
    image: null,
    error: null,
    usage: [],
    timings: {},
    createdAt: at,
    updatedAt: at,
    completedAt: null,
  };
}
