import type { MessageImage, MessageRecord, SessionRecord } from '../message.js';

/**
 * Where sessions and messages live: MongoDB (mongoose) or Postgres (drizzle). Both adapters pass
 * the same contract suite (contract.ts). Nothing here needs a transaction: MongoDB in the compose
 * file is a single node, and every change is one atomic document/row update.
 *
 * Every read a client can cause is scoped by user id, and an org admin's reads by organisation
 * id; the by-id reads without one are for the pipeline, which holds ids it got from a scoped
 * write. Sessions and messages carry the owner's `orgId` (null on rows written before
 * organisations existed: no admin's list shows those). Ids are UUIDs compared case-insensitively:
 * the adapters store and look them up in lowercase, whatever case a caller passes.
 */
export interface ConversationStore {
  readonly kind: 'postgres' | 'mongodb';
  /** Create tables / indexes. Safe to run on every start. */
  migrate(): Promise<void>;
  ping(): Promise<void>;

  /** Throws `Conflict` when the id is taken. */
  insertSession(session: SessionRecord): Promise<void>;
  getSession(userId: string, sessionId: string): Promise<SessionRecord | null>;
  /** Newest first; with `beforeId`, only sessions older than that one. At most `limit`. */
  listSessions(query: { userId: string; limit: number; beforeId?: string }): Promise<SessionRecord[]>;
  /**
   * Set `updatedAt` of the user's session (a message is being posted); never moves it back.
   * Returns whether the user has that session.
   */
  touchSession(userId: string, sessionId: string, at: Date): Promise<boolean>;
  /**
   * Rename the user's session, moving its `updatedAt` forward to `at` (never back). The renamed
   * session, or null when the user has no such session.
   */
  renameSession(query: { userId: string; sessionId: string; title: string; at: Date }): Promise<SessionRecord | null>;
  /**
   * Give the user's session a title only while it has none (the pipeline's title from the first
   * message: a user's own title, or one set by a quicker message, always wins). `updatedAt` is
   * left alone. Whether the title was set.
   */
  titleUntitledSession(query: { userId: string; sessionId: string; title: string }): Promise<boolean>;
  /** Delete the session and all its messages. False when the user has no such session. */
  deleteSession(userId: string, sessionId: string): Promise<boolean>;

  /**
   * Insert a message into its user's session: `NotFound` when the user has no such session,
   * `Conflict` when the id is taken or the user already has a message with the same
   * `idempotencyKey` (then nothing is written: see {@link findByIdempotencyKey}).
   */
  insertMessage(message: MessageRecord): Promise<void>;
  getMessage(userId: string, sessionId: string, messageId: string): Promise<MessageRecord | null>;
  /**
   * Oldest first (or newest first with `newestFirst`); with `afterId`, only the messages after that
   * one in that order (newer, or older). At most `limit`.
   */
  listMessages(query: { userId: string; sessionId: string; limit: number; afterId?: string; newestFirst?: boolean }): Promise<MessageRecord[]>;
  /** The user's message that was posted with this `Idempotency-Key`, if it still exists. */
  findByIdempotencyKey(userId: string, key: string): Promise<MessageRecord | null>;

  /** For the pipeline: a message by id alone. */
  findMessage(messageId: string): Promise<MessageRecord | null>;
  /**
   * Replace a message if its stored `sequence` is still `expectedSequence` (compare-and-set).
   * False when it moved on or is gone: the caller reloads and decides again. The id, session,
   * user, organisation and `createdAt` are kept as stored.
   */
  replaceMessage(next: MessageRecord, expectedSequence: number): Promise<boolean>;
  /** The `limit` messages of the session before `beforeId`, oldest first (the prompt's context). */
  recentMessages(query: { sessionId: string; beforeId: string; limit: number }): Promise<MessageRecord[]>;
  /** The images of the latest `limit` messages before `beforeId` in the session that have one, newest first. */
  recentImages(query: { sessionId: string; beforeId: string; limit: number }): Promise<MessageImage[]>;
  /** Messages not DONE or FAILED, last changed before `updatedBefore`, oldest first (recovery). */
  listUnfinished(query: { updatedBefore: Date; limit: number }): Promise<MessageRecord[]>;
  /** The organisation's FAILED messages, every member's, newest first; with `beforeId`, only older ones (dead letters). */
  listFailed(query: { orgId: string; limit: number; beforeId?: string }): Promise<MessageRecord[]>;
  /**
   * The organisation's unfinished (PENDING, PROCESSING) messages, every member's, oldest first;
   * with `afterId`, only newer ones (an org admin's view of the queue).
   */
  listOrgUnfinished(query: { orgId: string; limit: number; afterId?: string }): Promise<MessageRecord[]>;

  /** The session's oldest unfinished message: the next to be carried out (see pipeline/turns.ts). */
  nextInLine(sessionId: string): Promise<MessageRecord | null>;

  /** Releases what the store itself holds; the connection it was given stays open for its owner. */
  close(): Promise<void>;
}
