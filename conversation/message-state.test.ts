import { describe, expect, it } from 'vitest';
import { newId } from '../shared/ids.js';
import { pendingMessage, type MessageImage, type MessageRecord } from './message.js';
import { applyEvent, InvalidTransition, type MessageEvent } from './message-state.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-01T00:00:05Z');

function pending(overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    ...pendingMessage({
      id: newId(),
      sessionId: newId(),
      userId: 'local',
      orgId: null,
      lane: 'normal',
      content: 'a sunset',
      options: {},
      at: t0,
    }),
    ...overrides,
  };
}

const image: MessageImage = {
  id: newId(),
  url: 'http://localhost/media/x.png',
  thumbnailUrl: null,
  width: 64,
  height: 64,
  format: 'png',
  bytes: 10,
  seed: 1,
  provider: 'offline',
  model: 'm',
  storage: 'disk',
  storageKey: 'users/local/x.png',
};

const refined: MessageEvent = {
  type: 'refined',
  intent: 'generate',
  refinedPrompt: 'a sunset, golden hour',
  reply: null,
  refinement: { negativePrompt: 'blurry', confidence: 0.9, provider: 'offline', model: 'm', cached: false },
  tookMs: 3,
};
const failure = { code: 'provider_unavailable', message: 'down', stage: 'generating' as const, retryable: true };

describe('applyEvent: allowed transitions', () => {
  const cases: Array<{ name: string; from: Partial<MessageRecord>; event: MessageEvent; expect: Partial<MessageRecord> }> = [
    {
      name: 'queued → refining',
      from: {},
      event: { type: 'stage_started', stage: 'refining', attempt: 1 },
      expect: { status: 'PROCESSING', stage: 'refining', progress: 10, attempts: 1 },
    },
    {
      name: 'refining keeps the refinement and its timing',
      from: { status: 'PROCESSING', stage: 'refining', attempts: 1 },
      event: refined,
      expect: { intent: 'generate', refinedPrompt: 'a sunset, golden hour', progress: 25, timings: { refining: 3 } },
    },
    {
      name: 'refining → generating',
      from: { status: 'PROCESSING', stage: 'refining', intent: 'generate', progress: 25 },
      event: { type: 'stage_started', stage: 'generating', attempt: 1 },
      expect: { stage: 'generating', progress: 30 },
    },
    {
      name: 'a retry raises attempts and keeps the stage',
      from: { status: 'PROCESSING', stage: 'generating', attempts: 1, error: failure },
      event: { type: 'stage_started', stage: 'generating', attempt: 2 },
      expect: { stage: 'generating', attempts: 2 },
    },
    {
      name: 'a retry of the image job after a failed upload generates again',
      from: { status: 'PROCESSING', stage: 'uploading', attempts: 1, progress: 70 },
      event: { type: 'stage_started', stage: 'generating', attempt: 2 },
      expect: { stage: 'generating', attempts: 2, progress: 70 },
    },
    {
      name: 'a failed attempt shows its error while still processing',
      from: { status: 'PROCESSING', stage: 'generating', attempts: 1 },
      event: { type: 'attempt_failed', error: failure },
      expect: { status: 'PROCESSING', error: failure },
    },
    {
      name: 'generated → uploading, clearing an earlier attempt error',
      from: { status: 'PROCESSING', stage: 'generating', error: failure },
      event: { type: 'image_generated', tookMs: 40 },
      expect: { stage: 'uploading', error: null, progress: 70, timings: { generating: 40 } },
    },
    {
      name: 'stored keeps the image and moves on to saving',
      from: { status: 'PROCESSING', stage: 'uploading', intent: 'generate' },
      event: { type: 'image_stored', image, tookMs: 5 },
      expect: { image, stage: 'saving', progress: 90, timings: { uploading: 5 } },
    },
    {
      name: 'stored with variations keeps them all and what their calls used',
      from: { status: 'PROCESSING', stage: 'uploading', intent: 'generate' },
      event: {
        type: 'image_stored',
        image,
        moreImages: [{ ...image, id: 'second', seed: 8 }],
        usage: [{ stage: 'generating', provider: 'gemini', model: 'm', images: 1 }],
        tookMs: 5,
      },
      expect: { image, moreImages: [{ ...image, id: 'second', seed: 8 }], usage: [{ stage: 'generating', provider: 'gemini', model: 'm', images: 1 }] },
    },
    {
      name: 'a variation deleted for good leaves the list; the first image and the outcome stay',
      from: { status: 'DONE', stage: 'done', image, moreImages: [{ ...image, id: 'second' }, { ...image, id: 'third' }] },
      event: { type: 'image_deleted', imageId: 'second' },
      expect: { status: 'DONE', image, imageDeletedAt: null, moreImages: [{ ...image, id: 'third' }] },
    },
    {
      name: 'saving → done',
      from: { status: 'PROCESSING', stage: 'saving', intent: 'generate', image },
      event: { type: 'completed', tookMs: 2 },
      expect: {
        status: 'DONE',
        stage: 'done',
        progress: 100,
        completedAt: later,
        timings: { saving: 2 },
        image,
      },
    },
    {
      name: 'a chat reply is done without an image',
      from: { status: 'PROCESSING', stage: 'refining', intent: 'chat', reply: 'hello' },
      event: { type: 'completed' },
      expect: { status: 'DONE', stage: 'done', image: null },
    },
    {
      name: 'any working stage → failed, keeping the error',
      from: { status: 'PROCESSING', stage: 'uploading' },
      event: { type: 'failed', error: { ...failure, stage: 'uploading', retryable: false } },
      expect: { status: 'FAILED', stage: 'failed', completedAt: later, error: { ...failure, stage: 'uploading', retryable: false } },
    },
    {
      name: 'failing drops the note of what was about to be made',
      from: { status: 'PROCESSING', stage: 'generating', intent: 'edit', reply: 'Changing your latest image: black and white' },
      event: { type: 'failed', error: failure },
      expect: { status: 'FAILED', reply: null, idempotencyKey: null },
    },
    {
      name: 'a message failed before it started frees its Idempotency-Key when asked',
      from: { idempotencyKey: 'k-1', requestHash: 'h' },
      event: { type: 'failed', error: { ...failure, stage: 'queued' }, releaseIdempotencyKey: true },
      expect: { status: 'FAILED', idempotencyKey: null, requestHash: null },
    },
    {
      name: 'a done message whose image is deleted for good says so',
      from: { status: 'DONE', stage: 'done', intent: 'generate', image, completedAt: t0 },
      event: { type: 'image_deleted', imageId: image.id },
      expect: { status: 'DONE', image, imageDeletedAt: later },
    },
    {
      name: 'a failed message retried by an operator starts again, keeping what it has',
      from: { status: 'FAILED', stage: 'failed', intent: 'generate', refinedPrompt: 'x', attempts: 3, error: failure, completedAt: t0 },
      event: { type: 'requeued' },
      expect: { status: 'PENDING', stage: 'queued', progress: 0, attempts: 0, error: null, completedAt: null, intent: 'generate', refinedPrompt: 'x' },
    },
    {
      name: 'a queued message is cancelled',
      from: {},
      event: { type: 'cancelled' },
      expect: { status: 'CANCELLED', stage: 'cancelled', progress: 100, completedAt: later },
    },
    {
      name: 'a generating message is cancelled, dropping its note',
      from: { status: 'PROCESSING', stage: 'generating', intent: 'edit', reply: 'Changing your latest image', error: failure },
      event: { type: 'cancelled' },
      expect: { status: 'CANCELLED', stage: 'cancelled', reply: null, error: null },
    },
    {
      name: 'a pending message can fail before it starts',
      from: {},
      event: { type: 'failed', error: { ...failure, stage: 'queued' } },
      expect: { status: 'FAILED', stage: 'failed' },
    },
  ];

  it.each(cases)('$name', ({ from, event, expect: expected }) => {
    const before = pending(from);
    const after = applyEvent(before, event, later);
    expect(after).toMatchObject(expected);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.updatedAt).toEqual(later);
  });
});

describe('applyEvent: events that change nothing', () => {
  it('starting the stage the message is in, on the same attempt, returns the message itself', () => {
    const saving = pending({ status: 'PROCESSING', stage: 'saving', attempts: 1, image });
    expect(applyEvent(saving, { type: 'stage_started', stage: 'saving', attempt: 1 }, later)).toBe(saving);
  });

  it('a new attempt at the same stage is a change', () => {
    const saving = pending({ status: 'PROCESSING', stage: 'saving', attempts: 1, image });
    expect(applyEvent(saving, { type: 'stage_started', stage: 'saving', attempt: 2 }, later)).toMatchObject({ attempts: 2, sequence: 2 });
  });

  it('starting again after a failed attempt is a change (it clears nothing, but says it is trying)', () => {
    const failedOnce = pending({ status: 'PROCESSING', stage: 'generating', attempts: 2, error: failure });
    expect(applyEvent(failedOnce, { type: 'stage_started', stage: 'generating', attempt: 2 }, later).sequence).toBe(2);
  });
});

describe('applyEvent: refused transitions', () => {
  const cases: Array<{ name: string; from: Partial<MessageRecord>; event: MessageEvent }> = [
    { name: 'a done message never changes', from: { status: 'DONE', stage: 'done' }, event: { type: 'failed', error: failure } },
    { name: 'a done message is not cancelled', from: { status: 'DONE', stage: 'done' }, event: { type: 'cancelled' } },
    { name: 'a failed message is not cancelled', from: { status: 'FAILED', stage: 'failed' }, event: { type: 'cancelled' } },
    { name: 'a message being filed is not cancelled', from: { status: 'PROCESSING', stage: 'saving', image }, event: { type: 'cancelled' } },
    {
      name: 'a cancelled message never restarts',
      from: { status: 'CANCELLED', stage: 'cancelled' },
      event: { type: 'stage_started', stage: 'generating', attempt: 1 },
    },
    { name: 'a cancelled message is not retried', from: { status: 'CANCELLED', stage: 'cancelled' }, event: { type: 'requeued' } },
    { name: 'a cancelled message does not store an image', from: { status: 'CANCELLED', stage: 'cancelled' }, event: { type: 'image_stored', image, tookMs: 1 } },
    { name: 'a done message is not retried', from: { status: 'DONE', stage: 'done' }, event: { type: 'requeued' } },
    { name: 'a processing message is not retried', from: { status: 'PROCESSING', stage: 'generating' }, event: { type: 'requeued' } },
    { name: 'a message without that image hears nothing of its deletion', from: { status: 'DONE', stage: 'done', image }, event: { type: 'image_deleted', imageId: 'another' } },
    {
      name: 'a failed message never restarts',
      from: { status: 'FAILED', stage: 'failed' },
      event: { type: 'stage_started', stage: 'refining', attempt: 2 },
    },
    {
      name: 'no going back a stage',
      from: { status: 'PROCESSING', stage: 'saving' },
      event: { type: 'stage_started', stage: 'generating', attempt: 1 },
    },
    { name: 'refined only while refining', from: { status: 'PROCESSING', stage: 'generating' }, event: refined },
    { name: 'refined only once', from: { status: 'PROCESSING', stage: 'refining', intent: 'generate' }, event: refined },
    {
      name: 'stored only once',
      from: { status: 'PROCESSING', stage: 'uploading', image },
      event: { type: 'image_stored', image, tookMs: 1 },
    },
    { name: 'stored only while uploading', from: { status: 'PROCESSING', stage: 'generating' }, event: { type: 'image_stored', image, tookMs: 1 } },
    {
      name: 'an image message is not done without its image',
      from: { status: 'PROCESSING', stage: 'saving', intent: 'generate' },
      event: { type: 'completed' },
    },
  ];

  it.each(cases)('$name', ({ from, event }) => {
    expect(() => applyEvent(pending(from), event, later)).toThrow(InvalidTransition);
  });
});
