import type { ImageFormat, StoredImage } from '../image-service/index.js';
import type { Intent, Refinement } from '../prompt-service/index.js';
import type { Lane } from '../shared/principal.js';
import type { ProviderUsage } from '../shared/usage.js';

/**
 * The message as the conversation service keeps it (camelCase; the wire shape is in schemas.ts).
 * Its state changes only through message-state.ts.
 */

export const MESSAGE_STATUSES = ['PENDING', 'PROCESSING', 'DONE', 'FAILED', 'CANCELLED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STAGES = ['queued', 'refining', 'generating', 'uploading', 'saving', 'done', 'failed', 'cancelled'] as const;
export type MessageStage = (typeof MESSAGE_STAGES)[number];

/** The stages that take time, each timed into `timings`. */
export const WORKING_STAGES = ['refining', 'generating', 'uploading', 'saving'] as const;
export type WorkingStage = (typeof WORKING_STAGES)[number];

/** What the client asked for the image, as given (sizes are resolved by the image service). */
export interface MessageOptions {
  width?: number;
  height?: number;
  aspectRatio?: string;
  seed?: number;
  format?: ImageFormat;
  /** The image an edit or enhance works on (one of the user's); without it, the session's latest (pipeline/source-image.ts). */
  sourceImageId?: string;
  /** How many variations to make, 1–4 (absent: one). Each is its own image and gallery row, charged one unit each. */
  n?: number;
}

/** The most variations one message may ask for. */
export const MAX_VARIATIONS = 4;

/** The message's image: the image service's stored image, filed in the gallery under the same id. */
export type MessageImage = StoredImage & {
  /** The image an edit or enhance of this message worked on: its gallery row's `parent_image_id` (docs/lineage.md). */
  parentImageId?: string;
};

export interface MessageError {
  code: string;
  message: string;
  stage: MessageStage;
  retryable: boolean;
}

/** What the message keeps of the prompt service's refinement (the prompt and intent are its own fields). */
export type MessageRefinement = Pick<Refinement, 'negativePrompt' | 'confidence' | 'provider' | 'model'> & {
  /** Served from the refinement cache, costing no provider call. */
  cached: boolean;
  /** Moderation flagged the prompt (MODERATION_POLICY flag, or only suggestive): its image is nsfw. */
  nsfw?: boolean;
};

/** What one stage's provider call used. */
export type StageUsage = ProviderUsage & {
  stage: WorkingStage;
  provider: string;
  model: string;
};

export interface MessageRecord {
  id: string;
  sessionId: string;
  userId: string;
  /** The poster's organisation (what an org admin's queue, dead letters and usage are scoped by); null on rows from before organisations. */
  orgId: string | null;
  /** The queue lane its stage jobs run in, fixed when it is posted (see pipeline/lanes.ts). */
  lane: Lane;
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
  refinement: MessageRefinement | null;
  /** Its (first) image: what old clients and the session's "latest image" know. */
  image: MessageImage | null;
  /** The other variations when `options.n` > 1, in order; an image deleted for good from the gallery leaves the list. */
  moreImages: MessageImage[];
  /** Set when its (first) image was deleted for good from the gallery: the image is gone, the message says so. */
  imageDeletedAt: Date | null;
  error: MessageError | null;
  usage: StageUsage[];
  /** Milliseconds each stage took. */
  timings: Partial<Record<WorkingStage, number>>;
  /**
   * The `Idempotency-Key` it was posted with (unique per user) and a hash of what was posted, so
   * a repeat of the request finds this message again, even after a crash. Null when none was sent,
   * or once released (a request that failed frees its key).
   */
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface SessionRecord {
  id: string;
  userId: string;
  /** The owner's organisation; null on rows from before organisations. */
  orgId: string | null;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Every image the message made and still has, first one first (none until they are stored). */
export function liveImagesOf(message: MessageRecord): MessageImage[] {
  const first = message.image !== null && message.imageDeletedAt === null ? [message.image] : [];
  return message.moreImages.length === 0 ? first : [...first, ...message.moreImages];
}

/** How many images the message makes (its `options.n`, 1 when absent). */
export function variationsOf(message: Pick<MessageRecord, 'options'>): number {
  return message.options.n ?? 1;
}

export function isFinal(status: MessageStatus): boolean {
  return status === 'DONE' || status === 'FAILED' || status === 'CANCELLED';
}

/** A message as it is first stored: PENDING, queued, nothing done yet. */
export function pendingMessage(input: {
  id: string;
  sessionId: string;
  userId: string;
  orgId: string | null;
  lane: Lane;
  content: string;
  options: MessageOptions;
  idempotency?: { key: string; requestHash: string } | undefined;
  at: Date;
}): MessageRecord {
  // Field by field: this runs on every POST, and a spread costs far more than a plain literal.
  return {
    id: input.id,
    sessionId: input.sessionId,
    userId: input.userId,
    orgId: input.orgId,
    lane: input.lane,
    content: input.content,
    options: input.options,
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
    moreImages: [],
    imageDeletedAt: null,
    error: null,
    usage: [],
    timings: {},
    idempotencyKey: input.idempotency?.key ?? null,
    requestHash: input.idempotency?.requestHash ?? null,
    createdAt: input.at,
    updatedAt: input.at,
    completedAt: null,
  };
}
