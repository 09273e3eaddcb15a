import { Schema, type Connection, type Model } from 'mongoose';
import type {
  MessageError,
  MessageImage,
  MessageOptions,
  MessageRecord,
  MessageRefinement,
  SessionRecord,
  StageUsage,
} from '../message.js';

/**
 * The conversation collections as mongoose models on the caller's connection. Fields are the
 * records' camelCase names, with the record id as a UUID string `_id`. Collections and indexes
 * are made only by `migrate()` (autoCreate/autoIndex off), so building the models touches no server.
 */

export type SessionDocument = Omit<SessionRecord, 'id'> & { _id: string };
export type MessageDocument = Omit<MessageRecord, 'id'> & { _id: string };

export const SESSION_COLLECTION = 'chat_sessions';
export const MESSAGE_COLLECTION = 'chat_messages';

// Kept whole: `minimize: false` stores `{}` (options, timings) instead of dropping it.
const common = { versionKey: false, autoCreate: false, autoIndex: false, minimize: false } as const;
// Nested values are plain values of the message, not documents of their own: no `_id`, no `id`.
const nested = { _id: false, id: false, minimize: false } as const;

const optionsSchema = new Schema<MessageOptions>(
  { width: Number, height: Number, aspectRatio: String, seed: Number, format: String, sourceImageId: String, n: Number },
  nested,
);

const refinementSchema = new Schema<MessageRefinement>(
  { negativePrompt: String, confidence: Number, provider: String, model: String, cached: Boolean, nsfw: Boolean },
  nested,
);

const imageSchema = new Schema<MessageImage>(
  {
    id: String,
    url: String,
    thumbnailUrl: String,
    width: Number,
    height: Number,
    format: String,
    bytes: Number,
    seed: Number,
    provider: String,
    model: String,
    storage: String,
    storageKey: String,
    nsfw: Boolean,
    parentImageId: String,
  },
  nested,
);

const errorSchema = new Schema<MessageError>({ code: String, message: String, stage: String, retryable: Boolean }, nested);

const usageSchema = new Schema<StageUsage>(
  { stage: String, provider: String, model: String, inputTokens: Number, outputTokens: Number, images: Number },
  nested,
);

const timingsSchema = new Schema<MessageRecord['timings']>(
  { refining: Number, generating: Number, uploading: Number, saving: Number },
  nested,
);

const sessionSchema = new Schema<SessionDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    // Absent on documents from before organisations (read back as null).
    orgId: String,
    title: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...common, collection: SESSION_COLLECTION },
);
// A user's sessions, newest first (ids are UUIDv7, so id order is creation order).
sessionSchema.index({ userId: 1, _id: -1 });

// Strings are not `required`: mongoose would refuse an empty one. The state machine keeps them valid.
const messageSchema = new Schema<MessageDocument>(
  {
    _id: { type: String, required: true },
    sessionId: { type: String, required: true },
    userId: { type: String, required: true },
    orgId: String,
    // Absent on documents from before lanes (read back as `normal`).
    lane: String,
    content: String,
    options: optionsSchema,
    status: String,
    stage: String,
    progress: Number,
    sequence: Number,
    attempts: Number,
    intent: String,
    refinedPrompt: String,
    reply: String,
    refinement: refinementSchema,
    image: imageSchema,
    moreImages: { type: [imageSchema], default: undefined },
    imageDeletedAt: Date,
    error: errorSchema,
    usage: [usageSchema],
    timings: timingsSchema,
    idempotencyKey: String,
    requestHash: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    completedAt: Date,
  },
  { ...common, collection: MESSAGE_COLLECTION },
);
// A session's history in order, its recent context and its latest image.
messageSchema.index({ sessionId: 1, _id: 1 });
// Recovery reads only the few unfinished messages, stillest first. `$in` in a partial filter
// needs MongoDB 7.0 or newer.
messageSchema.index(
  { updatedAt: 1, _id: 1 },
  { name: 'unfinished_by_updated_at', partialFilterExpression: { status: { $in: ['PENDING', 'PROCESSING'] } } },
);

// A session's next message in line: its oldest unfinished one.
messageSchema.index(
  { sessionId: 1, _id: 1 },
  { name: 'unfinished_by_session', partialFilterExpression: { status: { $in: ['PENDING', 'PROCESSING'] } } },
);
// Dead letters: an organisation's failed messages, newest first.
messageSchema.index({ orgId: 1, _id: -1 }, { name: 'failed_by_org', partialFilterExpression: { status: 'FAILED' } });
// An org admin's queue: the organisation's unfinished messages, oldest first.
messageSchema.index(
  { orgId: 1, _id: 1 },
  { name: 'unfinished_by_org', partialFilterExpression: { status: { $in: ['PENDING', 'PROCESSING'] } } },
);
// One message per Idempotency-Key and user ($type string: a released key is null and not indexed).
messageSchema.index(
  { userId: 1, idempotencyKey: 1 },
  { name: 'idempotency_key_by_user', unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } },
);

export interface ConversationModels {
  sessions: Model<SessionDocument>;
  messages: Model<MessageDocument>;
}

/** The models on `connection`; the same ones again when the connection already has them. */
export function conversationModels(connection: Connection): ConversationModels {
  return {
    sessions: modelOn(connection, 'ChatSession', sessionSchema),
    messages: modelOn(connection, 'ChatMessage', messageSchema),
  };
}

function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  const existing = connection.models[name] as Model<T> | undefined;
  return existing ?? connection.model<T>(name, schema);
}
