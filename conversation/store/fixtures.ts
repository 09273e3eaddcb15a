import { newId } from '../../shared/ids.js';
import { pendingMessage, type MessageImage, type MessageRecord, type SessionRecord } from '../message.js';

/** Records for the store's tests: realistic, with fresh UUIDv7 ids (so insertion order is id order). */

/** A user no other test uses, which is how the contract's tests stay out of each other's way. */
export function newUser(): string {
  return `user-${newId()}`;
}

/** An organisation no other test uses. */
export function newOrg(): string {
  return `org-${newId()}`;
}

/** A session of `userId`, in an organisation of its own unless `overrides` names one. */
export function sessionRecord(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  const at = new Date();
  return { id: newId(), userId, orgId: newOrg(), title: 'Sunsets', createdAt: at, updatedAt: at, ...overrides };
}

/** A message just posted: PENDING, with every optional field empty. */
export function messageRecord(session: SessionRecord, overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    ...pendingMessage({
      id: newId(),
      sessionId: session.id,
      userId: session.userId,
      orgId: session.orgId,
      lane: 'normal',
      content: 'Create a sunset landscape',
      options: {},
      at: new Date(),
    }),
    ...overrides,
  };
}

/** The next state of a message: one sequence and one second later. */
export function progressed(message: MessageRecord, changes: Partial<MessageRecord>): MessageRecord {
  return { ...message, sequence: message.sequence + 1, updatedAt: new Date(message.updatedAt.getTime() + 1000), ...changes };
}

export function imageRecord(key: string): MessageImage {
  return {
    id: newId(),
    url: null,
    thumbnailUrl: null,
    width: 1024,
    height: 768,
    format: 'png',
    bytes: 91_234,
    seed: 42,
    provider: 'offline',
    model: 'offline-renderer-1',
    storage: 'disk',
    storageKey: `local/${key}.png`,
  };
}

/** A message with every field set, including each nested value and a retried, failed stage. */
export function finishedRecord(session: SessionRecord): MessageRecord {
  const createdAt = new Date('2031-05-06T07:08:09.123Z');
  return {
    id: newId(),
    sessionId: session.id,
    userId: session.userId,
    orgId: session.orgId,
    lane: 'high',
    content: 'Please create a misty forest at dawn, ünïcödé and "quotes" included',
    options: { width: 1280, height: 720, aspectRatio: '16:9', seed: 7, format: 'webp', n: 2 },
    status: 'FAILED',
    stage: 'failed',
    progress: 100,
    sequence: 9,
    attempts: 3,
    intent: 'generate',
    refinedPrompt: 'A misty pine forest at dawn, soft volumetric light, wide shot',
    reply: 'Here is your forest.',
    refinement: { negativePrompt: 'blurry, text', confidence: 0.87, provider: 'gemini', model: 'gemini-2.5-flash', cached: true },
    image: {
      id: newId(),
      url: 'https://res.cloudinary.com/demo/image/upload/v1/atelier/forest.webp',
      thumbnailUrl: 'https://res.cloudinary.com/demo/image/upload/c_thumb,w_256/v1/atelier/forest.webp',
      width: 1280,
      height: 720,
      format: 'webp',
      bytes: 123_456,
      seed: 7,
      provider: 'gemini',
      model: 'gemini-2.5-flash-image',
      storage: 'cloudinary',
      storageKey: 'atelier/forest',
    },
    moreImages: [{ ...imageRecord('forest-2'), seed: 8, parentImageId: newId(), nsfw: true }],
    imageDeletedAt: new Date(createdAt.getTime() + 9_000),
    error: { code: 'provider_unavailable', message: 'gemini: 503 Service Unavailable', stage: 'saving', retryable: true },
    usage: [
      { stage: 'refining', provider: 'gemini', model: 'gemini-2.5-flash', inputTokens: 120, outputTokens: 48 },
      { stage: 'generating', provider: 'gemini', model: 'gemini-2.5-flash-image', images: 1 },
    ],
    timings: { refining: 812, generating: 4210, uploading: 95, saving: 12 },
    idempotencyKey: `key-${newId()}`,
    requestHash: 'a'.repeat(64),
    createdAt,
    updatedAt: new Date(createdAt.getTime() + 5_500),
    completedAt: new Date(createdAt.getTime() + 5_501),
  };
}
