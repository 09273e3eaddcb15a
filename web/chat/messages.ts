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
 * Every message of a session, oldest first. The API lists a history oldest first and its cursor
 * only moves forward (there is no "before"), so reaching the newest message means walking every
 * page; the conversation then shows the newest MESSAGE_PAGE and reveals earlier ones on demand.
 */
export async function listAllMessages(sessionId: string): Promise<{ messages: Message[] } | { error: unknown }> {
  const messages: Message[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET('/api/v1/chat/sessions/{id}/messages/', {
      params: { path: { id: sessionId }, query: { limit: MESSAGE_PAGE, ...(cursor && { cursor }) } },
    });
    if (!data) return { error };
    messages.push(...data.data);
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
  return { messages };
}
