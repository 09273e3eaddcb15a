import type { MediaLinks } from '../image-service/index.js';
import type { RealtimePublisher } from '../shared/realtime.js';
import type { StageDurations } from '../shared/stage-durations.js';
import { publishChange } from './follow-session.js';
import { WORKING_STAGES, type MessageRecord } from './message.js';
import { applyEvent, InvalidTransition, type MessageEvent } from './message-state.js';
import type { ConversationStore } from './store/port.js';

const MAX_CONFLICTS = 10;

/**
 * Move a message through the state machine and tell its session's subscribers. Stored with
 * compare-and-set on `sequence`: when another writer got there first, reload and decide again.
 *
 * Returns the new message; `null` when the message is gone (its session was deleted) or the
 * event no longer applies (already final, already past that stage): the caller stops quietly.
 */
export async function transitionMessage(
  ctx: { store: ConversationStore; realtime: RealtimePublisher; links: MediaLinks; durations?: StageDurations | undefined },
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
      publishChange(ctx, next);
      // A stage just timed: its duration feeds the estimate waiting messages show (estimate-wait.ts).
      for (const stage of WORKING_STAGES) {
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
