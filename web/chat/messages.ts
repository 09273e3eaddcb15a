import type { Message } from '../../client/index.js';
import { api } from '../api.js';
import { MESSAGE_PAGE } from './page-sizes.js';

export { MESSAGE_PAGE } from './page-sizes.js';

export const STAGE_TEXT: Record<Message['stage'], string> = {
  queued: 'Queued',
  refining: 'Refining the prompt',
  generating: 'Generating the image',
  uploading: 'Uploading',
  saving: 'Saving to the gallery',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const isRunning = (message: Message) => message.status === 'PENDING' || message.status === 'PROCESSING';

/** Messages by id, oldest first, each kept at its newest `sequence` (a poll and an event may cross). */
export function merge(held: Message[], incoming: Message): Message[] {
  const index = held.findIndex((message) => message.id === incoming.id);
  if (index === -1) return [...held, incoming].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const current = held[index] as Message;
  if (incoming.sequence < current.sequence) return held;
  // Events carry no queue position or ETA: keep the poll's until the next poll.
  const next: Message =
    incoming.sequence === current.sequence && incoming.queue_position === undefined
      ? { ...incoming, queue_position: current.queue_position, eta_ms: current.eta_ms }
      : incoming;
  return held.map((message, i) => (i === index ? next : message));
}

/**
 * A page of a session's history from its end: the newest MESSAGE_PAGE messages (or those before
 * `cursor`), returned oldest first as the conversation shows them, with the cursor of the page
 * before (null at the session's first message).
 */
export async function listMessagesBefore(
  sessionId: string,
  cursor?: string,
): Promise<{ messages: Message[]; olderCursor: string | null } | { error: unknown }> {
  const { data, error } = await api.GET('/api/v1/chat/sessions/{id}/messages/', {
    params: { path: { id: sessionId }, query: { order: 'newest', limit: MESSAGE_PAGE, ...(cursor && { cursor }) } },
  });
  if (!data) return { error };
  return { messages: [...data.data].reverse(), olderCursor: data.next_cursor ?? null };
}
