import { isUuid } from '../../shared/ids.js';
import type { MessageRecord } from '../message.js';

/**
 * An id as both adapters look it up: lowercase, or `null` when it is no UUID at all. Postgres
 * would reject a malformed id with an error and MongoDB would compare it as text; this way both
 * simply find nothing, and an upper-case id finds the same record in both.
 */
export function lookupId(id: string): string | null {
  return isUuid(id) ? id.toLowerCase() : null;
}

/** What `replaceMessage` writes: everything but the message's identity (its owner included) and creation time. */
export type MessageChanges = Omit<MessageRecord, 'id' | 'sessionId' | 'userId' | 'orgId' | 'createdAt'>;

export function messageChanges(next: MessageRecord): MessageChanges {
  const { id: _id, sessionId: _sessionId, userId: _userId, orgId: _orgId, createdAt: _createdAt, ...changes } = next;
  return changes;
}
