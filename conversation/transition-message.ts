import type { MediaLinks } from '../image-service/index.js';
import type { DomainEventSink, DomainEventType } from '../shared/domain-events.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { StageDurations } from '../shared/stage-durations.js';
import { publishChange } from './follow-session.js';
import { toMessageWire } from './schemas.js';
import { variationsOf, WORKING_STAGES, type MessageRecord } from './message.js';
import { applyEvent, InvalidTransition, type MessageEvent } from './message-state.js';
import type { ConversationStore } from './store/port.js';

const MAX_CONFLICTS = 10;

/** The event a message raises when it reaches a final status (keyed by status name, so CANCELLED needs no change here). */
const FINAL_EVENTS: Readonly<Record<string, DomainEventType>> = {
  DONE: 'message.completed',
  FAILED: 'message.failed',
  CANCELLED: 'message.cancelled',
};

/**
 * Told, and awaited, when a message has just been stored in a final status (DONE, FAILED,
 * CANCELLED): the gateway records its usage with it. It must not throw (it logs its own errors):
 * the message is final whatever it does.
 */
export type FinalHook = (message: MessageRecord) => Promise<void>;

/**
 * Move a message through the state machine and tell its session's subscribers. Stored with
 * compare-and-set on `sequence`: when another writer got there first, reload and decide again.
 *
 * Returns the new message; `null` when the message is gone (its session was deleted) or the
 * event no longer applies (already final, already past that stage): the caller stops quietly.
 * Reaching a final status is reported to `onFinal` (the usage rollup), then to `onEvent`
 * (webhooks), once, by the writer that stored it.
 */
export async function transitionMessage(
  ctx: {
    store: ConversationStore;
    realtime: RealtimePublisher;
    links: MediaLinks;
    onEvent?: DomainEventSink | undefined;
    onFinal?: FinalHook | undefined;
    durations?: StageDurations | undefined;
  },
  messageId: string,
  event: MessageEvent,
  current?: MessageRecord,
): Promise<MessageRecord | null> {
  let message = current ?? (await ctx.store.findMessage(messageId));
  for (let conflicts = 0; message && conflicts < MAX_CONFLICTS; conflicts += 1) {
    let next: MessageRecord;
    try {
      next = applyEvent(message, event, new Date());
    } catch (error) {
      if (error instanceof InvalidTransition) return null;
      throw error;
    }
    if (next === message) return message;
    if (await ctx.store.replaceMessage(next, message.sequence)) {
      const final = next.status !== message.status ? FINAL_EVENTS[next.status] : undefined;
      // Awaited before the change is published: a client that saw the final event reads usage that counts it.
      if (final && ctx.onFinal) await ctx.onFinal(next);
      publishChange(ctx, next);
      if (final && ctx.onEvent) ctx.onEvent({ type: final, userId: next.userId, data: toMessageWire(next, ctx.links), occurredAt: next.updatedAt });
      // A stage just timed: its duration feeds the estimate waiting messages show (estimate-wait.ts).
      // The samples are per image: with variations, only the first image's generation is one.
      const sampled = variationsOf(next) === 1 ? WORKING_STAGES : (['refining', 'generating'] as const);
      for (const stage of sampled) {
        const took = next.timings[stage];
        if (took !== undefined && message.timings[stage] === undefined) ctx.durations?.record(stage, took);
      }
      return next;
    }
    message = await ctx.store.findMessage(messageId);
  }
  if (message) throw new Error(`message ${messageId} kept changing under ${MAX_CONFLICTS} attempts to update it`);
  return null;
}
