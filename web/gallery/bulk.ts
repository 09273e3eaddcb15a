import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';

type BulkRequest = components['schemas']['BulkImageAction'];
type BulkResult = components['schemas']['BulkImageResult'];
export type BulkAction = BulkRequest['action'];

/** The most ids `POST /v1/gallery/bulk/` takes at once; a larger selection is sent in chunks. */
export const BULK_CHUNK = 500;

/** What happened, in the past tense, to the images an action succeeded on. */
const DONE_TEXT: Record<BulkAction, string> = {
  delete: 'moved to the trash',
  restore: 'restored',
  purge: 'deleted for good',
  favorite: 'added to favorites',
  unfavorite: 'removed from favorites',
  add_to_album: 'added to the album',
  remove_from_album: 'removed from the album',
};

/** The outcome of one bulk action over every chunk: the ids done, and the failures' messages. */
export interface BulkOutcome {
  succeeded: string[];
  failed: { id: string; message: string }[];
  /** Set when a request as a whole was refused: the chunks after it were not sent. */
  problem?: string;
}

/**
 * `action` on `ids`, 500 at a time (the route's limit), one chunk after the other. A refused
 * chunk stops the rest, and the outcome says what was done before it.
 */
export async function runBulk(action: BulkAction, ids: string[], albumId?: string): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { succeeded: [], failed: [] };
  for (let start = 0; start < ids.length; start += BULK_CHUNK) {
    const body: BulkRequest = { action, ids: ids.slice(start, start + BULK_CHUNK), ...(albumId && { album_id: albumId }) };
    const { data, error } = await api.POST('/v1/gallery/bulk/', { body });
    if (!data) return { ...outcome, problem: errorText(error) };
    collect(outcome, data);
  }
  return outcome;
}

function collect(outcome: BulkOutcome, result: BulkResult): void {
  for (const item of result.results) {
    if (item.ok) outcome.succeeded.push(item.id);
    else outcome.failed.push({ id: item.id, message: item.error?.message ?? 'failed' });
  }
}

/** "3 moved to the trash, 1 failed: <message>" (each distinct message once). */
export function summary(action: BulkAction, outcome: BulkOutcome, albumName?: string): string {
  const done = albumName && (action === 'add_to_album' || action === 'remove_from_album')
    ? `${action === 'add_to_album' ? 'added to' : 'removed from'} "${albumName}"`
    : DONE_TEXT[action];
  const parts = [`${outcome.succeeded.length} ${done}`];
  if (outcome.failed.length > 0) {
    const reasons = [...new Set(outcome.failed.map((failure) => failure.message))].join('; ');
    parts.push(`${outcome.failed.length} failed: ${reasons}`);
  }
  if (outcome.problem) parts.push(`the rest was not done: ${outcome.problem}`);
  return parts.join(', ');
}
