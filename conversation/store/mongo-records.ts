import type { MessageImage, MessageRecord, SessionRecord, StageUsage } from '../message.js';
import type { MessageDocument, SessionDocument } from './mongo-models.js';

/**
 * Records to MongoDB documents and back. Reading rebuilds every nested value from its known
 * fields, so nothing of MongoDB's (`_id`, `__v`, a mongoose subdocument) reaches a caller, and a
 * value MongoDB kept as missing comes back as the record has it: `null`, `{}`, `[]` or absent.
 */

/** Ids are stored in lowercase, whatever case the caller passed, so every lookup finds them. */
export function toSessionDocument(session: SessionRecord): SessionDocument {
  return {
    _id: session.id.toLowerCase(),
    userId: session.userId,
    orgId: session.orgId,
    title: session.title,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}

export function toMessageDocument({ id, sessionId, ...rest }: MessageRecord): MessageDocument {
  return { _id: id.toLowerCase(), sessionId: sessionId.toLowerCase(), ...rest };
}

export function toSessionRecord(doc: SessionDocument): SessionRecord {
  return {
    id: doc._id,
    userId: doc.userId,
    orgId: doc.orgId ?? null,
    title: doc.title ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toMessageRecord(doc: MessageDocument): MessageRecord {
  const options = doc.options ?? {};
  const timings = doc.timings ?? {};
  return {
    id: doc._id,
    sessionId: doc.sessionId,
    userId: doc.userId,
    orgId: doc.orgId ?? null,
    lane: doc.lane ?? 'normal',
    content: doc.content,
    options: present({
      width: options.width,
      height: options.height,
      aspectRatio: options.aspectRatio,
      seed: options.seed,
      format: options.format,
      sourceImageId: options.sourceImageId,
      n: options.n,
    }),
    status: doc.status,
    stage: doc.stage,
    progress: doc.progress,
    sequence: doc.sequence,
    attempts: doc.attempts,
    intent: doc.intent ?? null,
    refinedPrompt: doc.refinedPrompt ?? null,
    reply: doc.reply ?? null,
    refinement: doc.refinement
      ? {
          negativePrompt: doc.refinement.negativePrompt,
          confidence: doc.refinement.confidence,
          provider: doc.refinement.provider,
          model: doc.refinement.model,
          cached: doc.refinement.cached,
          ...(doc.refinement.nsfw !== undefined && doc.refinement.nsfw !== null && { nsfw: doc.refinement.nsfw }),
        }
      : null,
    image: doc.image ? toMessageImage(doc.image) : null,
    moreImages: (doc.moreImages ?? []).map(toMessageImage),
    imageDeletedAt: doc.imageDeletedAt ?? null,
    error: doc.error
      ? { code: doc.error.code, message: doc.error.message, stage: doc.error.stage, retryable: doc.error.retryable }
      : null,
    usage: (doc.usage ?? []).map(toUsage),
    timings: present({
      refining: timings.refining,
      generating: timings.generating,
      uploading: timings.uploading,
      saving: timings.saving,
    }),
    idempotencyKey: doc.idempotencyKey ?? null,
    requestHash: doc.requestHash ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    completedAt: doc.completedAt ?? null,
  };
}

export function toMessageImage(image: MessageImage): MessageImage {
  return {
    id: image.id,
    storage: image.storage,
    storageKey: image.storageKey,
    url: image.url ?? null,
    thumbnailUrl: image.thumbnailUrl ?? null,
    width: image.width,
    height: image.height,
    format: image.format,
    bytes: image.bytes,
    provider: image.provider,
    model: image.model,
    seed: image.seed,
    ...(image.nsfw !== undefined && image.nsfw !== null && { nsfw: image.nsfw }),
    ...(typeof image.parentImageId === 'string' && { parentImageId: image.parentImageId }),
  };
}

function toUsage(usage: StageUsage): StageUsage {
  return present({
    stage: usage.stage,
    provider: usage.provider,
    model: usage.model,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    images: usage.images,
  });
}

/** The object without its missing keys: an optional field is absent, never `undefined` or `null`. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== null)) as T;
}
