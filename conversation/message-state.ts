import type { Intent } from '../prompt-service/index.js';
import {
  isFinal,
  type MessageError,
  type MessageImage,
  type MessageRecord,
  type MessageRefinement,
  type MessageStage,
  type StageUsage,
  type WorkingStage,
} from './message.js';

/**
 * The message state machine. Every change to a message goes through {@link applyEvent}, which
 * checks the change is allowed and raises `sequence` by one:
 *
 *   PENDING(queued) → PROCESSING(refining → generating → uploading → saving) → DONE(done)
 *            └──────────────────────────┴──── any stage ────────────────────→ FAILED(failed)
 *            └───── queued … uploading (the owner cancels) ──────────────→ CANCELLED(cancelled)
 *
 * A cancel is refused once the image is stored (saving): it is being filed, the quota was spent
 * on it, and refusing it here, in the compare-and-set, means a cancel never races the filing.
 *
 * A final message (DONE, FAILED or CANCELLED) never changes its outcome again, so a late or duplicated event
 * cannot undo what the client has already seen. (Two events still apply to it: an operator's
 * retry of a FAILED message, and the deletion of its image from the gallery.)
 */

export type MessageEvent =
  /** A stage began (or began again, on a retry). `attempt` counts from 1. */
  | { type: 'stage_started'; stage: WorkingStage; attempt: number }
  /** An attempt failed and will be retried: the client sees why while it waits. */
  | { type: 'attempt_failed'; error: MessageError }
  | {
      type: 'refined';
      intent: Intent;
      refinedPrompt: string;
      reply: string | null;
      refinement: MessageRefinement;
      usage?: StageUsage;
      tookMs: number;
    }
  | { type: 'image_generated'; usage?: StageUsage; tookMs: number }
  /**
   * Its image is stored; with `options.n` > 1, `moreImages` are the other variations, and
   * `usage` what their generation calls used (the first one's came with `image_generated`).
   */
  | { type: 'image_stored'; image: MessageImage; moreImages?: MessageImage[]; usage?: StageUsage[]; tookMs: number }
  /** Done: the image (if any) is filed in the gallery, under its own id. */
  | { type: 'completed'; tookMs?: number }
  /** Failed for good. `releaseIdempotencyKey`: the request that posted it was answered with an error. */
  | { type: 'failed'; error: MessageError; releaseIdempotencyKey?: boolean }
  /** Its owner cancelled it before its image was stored: nothing more is made or filed. */
  | { type: 'cancelled' }
  /** An operator retries a failed message (a dead letter): it starts again from where it stopped. */
  | { type: 'requeued' }
  /** Its image was deleted for good from the gallery. Applies to a finished message too. */
  | { type: 'image_deleted'; imageId: string };

/** Progress shown while in (or just past) each stage. */
export const STAGE_PROGRESS: Record<MessageStage, number> = {
  queued: 0,
  refining: 10,
  generating: 30,
  uploading: 70,
  saving: 90,
  done: 100,
  failed: 100,
  cancelled: 100,
};

const WORKING_ORDER: WorkingStage[] = ['refining', 'generating', 'uploading', 'saving'];

export class InvalidTransition extends Error {
  override readonly name = 'InvalidTransition';
}

/**
 * The message after `event`, or an {@link InvalidTransition} error when the event does not apply.
 * An event that changes nothing (starting the stage the message is already in, on the same
 * attempt) returns the same object: nothing to store, nothing to tell.
 * Pure: the caller stores the result (compare-and-set on the old `sequence`).
 */
export function applyEvent(message: MessageRecord, event: MessageEvent, now: Date): MessageRecord {
  if (event.type === 'requeued') {
    if (message.status !== 'FAILED') {
      throw new InvalidTransition(`message ${message.id} is ${message.status}; only a FAILED message can be retried`);
    }
    // What it already has (intent, refined prompt, stored image) is kept: the stages skip what is done.
    return {
      ...message,
      sequence: message.sequence + 1,
      updatedAt: now,
      status: 'PENDING',
      stage: 'queued',
      progress: 0,
      attempts: 0,
      error: null,
      completedAt: null,
    };
  }
  if (event.type === 'image_deleted') {
    // Not a change of outcome: the image the message made is gone, and the message says so.
    if (message.moreImages.some((image) => image.id === event.imageId)) {
      // A variation beyond the first simply leaves the list.
      const moreImages = message.moreImages.filter((image) => image.id !== event.imageId);
      return { ...message, sequence: message.sequence + 1, updatedAt: now, moreImages };
    }
    if (message.image?.id !== event.imageId) throw new InvalidTransition(`message ${message.id} has no image ${event.imageId}`);
    if (message.imageDeletedAt !== null) return message;
    return { ...message, sequence: message.sequence + 1, updatedAt: now, imageDeletedAt: now };
  }
  if (isFinal(message.status)) {
    throw new InvalidTransition(`message ${message.id} is ${message.status}; it does not change any more`);
  }
  const next: MessageRecord = { ...message, sequence: message.sequence + 1, updatedAt: now };

  switch (event.type) {
    case 'stage_started': {
      if (message.stage === event.stage && message.attempts >= event.attempt && message.error === null) return message;
      const current = WORKING_ORDER.indexOf(message.stage as WorkingStage);
      const target = WORKING_ORDER.indexOf(event.stage);
      // The image job generates and uploads in one go: a retry after a failed upload generates again.
      const imageJobRetry = event.stage === 'generating' && message.stage === 'uploading';
      if (current > target && !imageJobRetry) {
        throw new InvalidTransition(`message ${message.id} is past ${event.stage} (at ${message.stage})`);
      }
      return {
        ...next,
        status: 'PROCESSING',
        stage: event.stage,
        progress: Math.max(message.progress, STAGE_PROGRESS[event.stage]),
        attempts: Math.max(message.attempts, event.attempt),
      };
    }
    case 'attempt_failed':
      return { ...next, error: event.error };
    case 'refined':
      expectStage(message, 'refining');
      if (message.intent !== null) throw new InvalidTransition(`message ${message.id} is refined already`);
      return {
        ...next,
        intent: event.intent,
        refinedPrompt: event.refinedPrompt,
        reply: event.reply,
        refinement: event.refinement,
        error: null,
        progress: 25,
        usage: event.usage ? [...message.usage, event.usage] : message.usage,
        timings: { ...message.timings, refining: event.tookMs },
      };
    case 'image_generated':
      expectStage(message, 'generating');
      return {
        ...next,
        stage: 'uploading',
        error: null,
        progress: STAGE_PROGRESS.uploading,
        usage: event.usage ? [...message.usage, event.usage] : message.usage,
        timings: { ...message.timings, generating: event.tookMs },
      };
    case 'image_stored':
      expectStage(message, 'uploading');
      if (message.image !== null) throw new InvalidTransition(`message ${message.id} has its image already`);
      // Straight on to saving: the finalize job's own start then changes nothing and costs no write.
      return {
        ...next,
        stage: 'saving',
        image: event.image,
        moreImages: event.moreImages ?? [],
        error: null,
        progress: STAGE_PROGRESS.saving,
        usage: event.usage?.length ? [...message.usage, ...event.usage] : message.usage,
        timings: { ...message.timings, uploading: event.tookMs },
      };
    case 'completed': {
      if (message.intent !== 'chat' && message.image === null) {
        throw new InvalidTransition(`message ${message.id} has no image yet; it cannot be done`);
      }
      const timings = event.tookMs === undefined ? message.timings : { ...message.timings, saving: event.tookMs };
      return {
        ...next,
        status: 'DONE',
        stage: 'done',
        progress: 100,
        error: null,
        timings,
        completedAt: now,
      };
    }
    case 'cancelled':
      if (message.stage === 'saving') throw new InvalidTransition(`message ${message.id} is being filed; it can no longer be cancelled`);
      return {
        ...next,
        status: 'CANCELLED',
        stage: 'cancelled',
        progress: 100,
        error: null,
        // A note such as "Changing your latest image: …" promised what will not happen.
        reply: null,
        completedAt: now,
      };
    case 'failed':
      return {
        ...next,
        status: 'FAILED',
        stage: 'failed',
        progress: 100,
        error: event.error,
        // A note such as "Changing your latest image: …" promised what did not happen.
        reply: null,
        ...(event.releaseIdempotencyKey ? { idempotencyKey: null, requestHash: null } : {}),
        completedAt: now,
      };
  }
}

function expectStage(message: MessageRecord, stage: MessageStage): void {
  if (message.stage !== stage) {
    throw new InvalidTransition(`message ${message.id} is at ${message.stage}, not ${stage}`);
  }
}
