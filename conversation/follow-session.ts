import { comparePositions, type LoggedEvent } from '../shared/event-log.js';
import type { ConversationContext } from './context.js';
import { getMessage } from './get-message.js';
import { getSession } from './get-session.js';
import type { MessageRecord } from './message.js';

/** One change of a message as a follower receives it. `position` is null for a state read from the store. */
export interface MessageChange {
  position: string | null;
  message: MessageRecord;
}

/**
 * What the follower already holds, so only newer changes reach it:
 * - `sequences`: per message id, the sequence it holds (`after`); messages it does not name are
 *   taken to be held up to `otherwise` (`after_sequence`, or 0: replay them whole).
 * - `position`: everything up to this log position (an SSE `Last-Event-ID`).
 * - null: nothing to replay; live changes only.
 */
export type FollowFrom =
  | { kind: 'sequences'; after: Record<string, number>; otherwise: number }
  | { kind: 'position'; after: string }
  | null;

/**
 * Follow the changes of a session's messages (or of one message): first those the follower
 * missed, from the session's event log, then live ones, in order, none twice and none left out.
 *
 * It listens before it reads the log and holds live events back until the replay is sent: an
 * event is then either in the log read or in what was held back (or both: a message's change is
 * sent only when its sequence is above what the follower holds, so it is sent once). The log is a
 * bounded replay buffer; the messages the follower names (and the one message it follows) are
 * also read from the store, so after a Redis wipe or a change the log lost, it still gets their
 * latest state. `onChange` must not throw. Resolves to the function that stops following.
 */
export async function followSession({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'feed'>;
  input: {
    userId: string;
    sessionId: string;
    /** Only this message's changes. */
    messageId?: string;
    from: FollowFrom;
    onChange: (change: MessageChange) => void;
  };
}): Promise<() => void> {
  const { userId, from, onChange } = input;
  const only = input.messageId?.toLowerCase();
  // Another user's session or message is not found, before anything is listened to.
  const session = await getSession({ ctx, input: { userId, sessionId: input.sessionId } });
  if (input.messageId) await getMessage({ ctx, input: { userId, sessionId: session.id, messageId: input.messageId } });

  const held = new Map<string, number>(
    from?.kind === 'sequences' ? Object.entries(from.after).map(([id, sequence]) => [id.toLowerCase(), sequence]) : [],
  );
  const otherwise = from?.kind === 'sequences' ? from.otherwise : 0;
  let lastPosition = from?.kind === 'position' ? from.after : null;

  const deliver = (position: string | null, message: MessageRecord) => {
    const id = message.id.toLowerCase();
    if (only && id !== only) return;
    if (message.sequence <= (held.get(id) ?? otherwise)) return;
    if (position !== null && lastPosition !== null && comparePositions(position, lastPosition) <= 0) return;
    held.set(id, message.sequence);
    if (position !== null) lastPosition = position;
    onChange({ position, message });
  };
  const deliverLogged = (event: LoggedEvent) => deliver(event.position, reviveMessage(event.message));

  let waiting: LoggedEvent[] | null = [];
  const receive = (event: LoggedEvent) => (waiting ? waiting.push(event) : deliverLogged(event));
  // Where a log read after a lost connection starts when nothing was sent yet: now (stream ids are
  // Redis's clock in ms; a second of margin, the sequences filter what the follower holds).
  const startedAt = `${Date.now() - 1000}-0`;
  const resume = () => {
    ctx.feed.read(session.id, lastPosition ?? startedAt).then(
      (events) => events.forEach(receive),
      () => undefined, // Redis away again: the next reconnect resumes.
    );
  };
  const stop = await ctx.feed.listen(session.id, receive, resume);
  try {
    if (from !== null) {
      for (const event of await ctx.feed.read(session.id, from.kind === 'position' ? from.after : undefined)) deliverLogged(event);
      const named = only ? [only] : from.kind === 'sequences' ? Object.keys(from.after).slice(0, MAX_NAMED) : [];
      for (const messageId of named) {
        const stored = await ctx.store.getMessage(userId, session.id, messageId);
        if (stored) deliver(null, stored);
      }
    }
    const heldBack = waiting;
    waiting = null;
    for (const event of heldBack) deliverLogged(event);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}

/** How many named messages are read from the store on a replay: a client holds a screenful. */
const MAX_NAMED = 100;

/** A message as the log keeps it (JSON) back to the record, dates and all. */
export function reviveMessage(logged: unknown): MessageRecord {
  const record = logged as MessageRecord & Record<'createdAt' | 'updatedAt', string> & Record<'completedAt' | 'imageDeletedAt', string | null>;
  return {
    ...record,
    // Logged before variations existed.
    moreImages: record.moreImages ?? [],
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    completedAt: record.completedAt === null ? null : new Date(record.completedAt),
    imageDeletedAt: record.imageDeletedAt === null ? null : new Date(record.imageDeletedAt),
  };
}

/** Log a message's change and tell its session's followers (every gateway's). */
export function publishChange(ctx: Pick<ConversationContext, 'realtime'>, message: MessageRecord): void {
  ctx.realtime.messageChanged({ sessionId: message.sessionId, messageId: message.id, sequence: message.sequence, message });
}
