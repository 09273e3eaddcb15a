import { createHash } from 'node:crypto';
import { findImageOf } from '../gallery/index.js';
import { AppError, Conflict, NotFound, ServiceUnavailable, TooManyRequests } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { outageMessage } from '../shared/outages.js';
import type { Lane } from '../shared/principal.js';
import type { ConversationContext } from './context.js';
import { failMessage, refundMessage } from './fail-message.js';
import { publishChange } from './follow-session.js';
import { pendingMessage, variationsOf, type MessageOptions, type MessageRecord } from './message.js';
import { enqueueStage } from './pipeline/queues.js';
import { claimTurnOnPost } from './pipeline/turns.js';

export interface PostMessageInput {
  userId: string;
  /** The poster's organisation, kept on the message (its admin's queue, dead letters, usage). */
  orgId: string;
  /** The poster's lane (their credential's priority): the message's stage jobs all run in it. */
  lane: Lane;
  sessionId: string;
  /** What the user wrote; or, with `template`, the template rendered (see below). */
  content?: string | undefined;
  /** A prompt template and its variables, posted instead of `content`: the message keeps the rendered text. */
  template?: { id: string; variables: Readonly<Record<string, string>> } | undefined;
  options?: MessageOptions | undefined;
  /** The request's `Idempotency-Key`: a repeat of the same request finds the same message. */
  idempotencyKey?: string | undefined;
}

export interface PostedMessage {
  /** The message as it was posted (PENDING): the 202's body, the same for the original and any replay. */
  message: MessageRecord;
  /** True when the key was used before with the same request: this is that message, as posted then. */
  replayed: boolean;
}

/**
 * Store a user's message as PENDING and start its pipeline when it is its session's turn (see
 * pipeline/turns.ts): otherwise it waits, `queued`, for the earlier messages to finish.
 *
 * - A message posted as a template is rendered first (the templates service's `renderTemplate`,
 *   through the context): an unknown template is 404 and a missing variable a 400 naming it,
 *   before anything is charged or stored. The message keeps the rendered text as its content.
 * - The session and the image options are checked now (the options by the route's schema), so
 *   a request that gets 202 only fails later for reasons found later.
 * - Redis down: 503 before anything is stored. Redis failing after the message was stored: the
 *   message is kept as FAILED (retryable, its key freed), never left PENDING for nobody.
 * - With an `Idempotency-Key`, the key is kept with the message in the store (unique per user),
 *   so a repeat, even after a crash, finds it: the same request gets the original answer again
 *   (`replayed`: the message as it was posted; its `Location` shows it now), another request
 *   with the same key is `idempotency_key_reused`.
 * - One unit of the image quota is charged, under the message's id, before it is stored: none
 *   left is `429 quota_exceeded` and nothing is stored. A message not stored after all (a replay,
 *   an unknown session) gives it back at once; one that ends FAILED, when it fails
 *   (fail-message.ts). A replay is never charged: it gets the earlier message, quota or not.
 */
export async function postMessage({ ctx, input }: { ctx: ConversationContext; input: PostMessageInput }): Promise<PostedMessage> {
  // The session is checked by the insert itself (one statement); its `updatedAt` is moved by the
  // worker, off the request's path.
  if (!ctx.queues.isConnected()) throw new ServiceUnavailable(outageMessage('redis'), undefined, 'redis');

  const content = await contentOf(ctx, input);
  const options = input.options ?? {};
  if (options.sourceImageId !== undefined) await checkSourceImage(ctx, input.userId, options.sourceImageId);
  const key = input.idempotencyKey;
  const requestHash = key === undefined ? undefined : hashOf(input.sessionId, content, options);
  const message = pendingMessage({
    id: newId(),
    sessionId: input.sessionId,
    userId: input.userId,
    orgId: input.orgId,
    lane: input.lane,
    content,
    options,
    idempotency: key !== undefined && requestHash !== undefined ? { key, requestHash } : undefined,
    at: new Date(),
  });
  try {
    await ctx.quota.charge({ userId: input.userId, orgId: input.orgId, chargeId: message.id, units: variationsOf(message) });
  } catch (error) {
    // No quota left, but this may repeat a post accepted while there was: it gets its answer again.
    if (key === undefined || requestHash === undefined || !(error instanceof TooManyRequests)) throw error;
    if (!(await ctx.store.findByIdempotencyKey(input.userId, key))) throw error;
    return { message: await replay(ctx, input.userId, key, requestHash), replayed: true };
  }
  try {
    await ctx.store.insertMessage(message);
  } catch (error) {
    await refundMessage(ctx, message.id);
    if (key === undefined || requestHash === undefined || !(error instanceof Conflict)) throw error;
    return { message: await replay(ctx, input.userId, key, requestHash), replayed: true };
  }
  // Emitted before the job exists, so subscribers see PENDING before anything a worker emits.
  publishChange(ctx, message);

  try {
    // Claimed after the message is stored (see turns.ts); without the turn it waits, queued,
    // for the message before it to start it.
    if (!(await claimTurnOnPost(ctx, message))) return { message, replayed: false };
    await enqueueStage(ctx.queues, 'prompt', message);
  } catch (error) {
    ctx.logger.error({ err: error, messageId: message.id }, 'could not start the pipeline');
    await failMessage(
      ctx,
      message.id,
      { code: 'service_unavailable', message: 'the pipeline could not be started; post the message again', retryable: true },
      message,
      { releaseIdempotencyKey: true },
    ).catch(() => undefined);
    await ctx.queues.turns.release(message.sessionId, message.id).catch(() => undefined);
    throw new ServiceUnavailable('the pipeline could not be started; post the message again', error);
  }
  return { message, replayed: false };
}

/** The message's text: as written, or its template rendered with its variables. */
async function contentOf(ctx: ConversationContext, input: PostMessageInput): Promise<string> {
  if (input.template === undefined) return input.content ?? '';
  const rendered = await ctx.renderTemplate({
    userId: input.userId,
    orgId: input.orgId,
    templateId: input.template.id,
    variables: input.template.variables,
  });
  return rendered.content;
}

/**
 * The image a message names to work on must be one of the user's, live: another user's is not
 * found (as for any id of theirs), one in the trash is a conflict (restore it first). Checked
 * again when the image is made: it may be trashed in between (then `no_source_image`).
 */
async function checkSourceImage(ctx: ConversationContext, userId: string, imageId: string): Promise<void> {
  const image = await findImageOf({ ctx: ctx.gallery, input: { userId, id: imageId } });
  if (!image) throw new NotFound('image', imageId);
  if (image.deletedAt !== null) throw new Conflict(`image ${imageId} is in the trash; restore it to work on it`);
}

/** The message an earlier request with this key made, if the request was the same. */
async function replay(ctx: ConversationContext, userId: string, key: string, requestHash: string): Promise<MessageRecord> {
  const earlier = await ctx.store.findByIdempotencyKey(userId, key);
  // The key was freed in between (the other request failed): the client may simply send again.
  if (!earlier) throw new Conflict('a request with this Idempotency-Key just failed; send it again');
  if (earlier.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'this Idempotency-Key was used with a different request');
  }
  // The original answer, rebuilt exactly: the message as it was stored when it was posted.
  return pendingMessage({
    id: earlier.id,
    sessionId: earlier.sessionId,
    userId: earlier.userId,
    orgId: earlier.orgId,
    lane: earlier.lane,
    content: earlier.content,
    options: earlier.options,
    idempotency: { key, requestHash },
    at: earlier.createdAt,
  });
}

/** What makes two posts "the same request": the session, the content and the options, as validated. */
function hashOf(sessionId: string, content: string, options: MessageOptions): string {
  const canonical = [
    sessionId.toLowerCase(),
    content,
    options.width ?? null,
    options.height ?? null,
    options.aspectRatio ?? null,
    options.seed ?? null,
    options.format ?? null,
    options.sourceImageId?.toLowerCase() ?? null,
    // Only when asked for: a post from before variations keeps its hash.
    ...(options.n !== undefined && options.n > 1 ? [options.n] : []),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
