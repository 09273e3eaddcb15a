import { z } from '@hono/zod-openapi';
import { ValidationFailed } from './errors.js';
import { isUuid } from './ids.js';

/** One page of a listing, plus the cursor of the next page (`null` on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Query parameters every listing takes. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .openapi({ description: `Items per page, 1–${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE}.` }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .openapi({ description: 'The `next_cursor` of the previous page.' }),
});

/**
 * Cursors are opaque to clients: base64url of the sort key of the last item seen. Keyset paging
 * (not offsets) keeps a page stable while new items arrive and costs one index range scan.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a cursor's sort key is: an id, a time as `toISOString()` writes it, or a
 * short tag naming what the cursor was made under (a listing's sort and filter).
 */
export type CursorPart = 'uuid' | 'timestamp' | 'tag';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  uuid: isUuid,
  // Round-tripped, so a date JavaScript would roll over ("2025-02-30") is refused, not sent on
  // to a database that refuses it.
  timestamp: (value) => ISO_TIMESTAMP.test(value) && new Date(value).toISOString() === value,
  tag: (value) => /^[A-Za-z0-9._-]{1,64}$/.test(value),
};

/**
 * The sort key in a cursor, each part checked against what this API puts there (ids come back in
 * lowercase). A cursor the client altered or made up is a validation error, on every list: never
 * an empty page that reads as the end, never a query the database refuses.
 */
export function decodeCursor(cursor: string, parts: readonly CursorPart[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((value, index) => typeof value === 'string' && PART_CHECKS[parts[index] as CursorPart](value))
    ) {
      return key.map((value: string, index) => (parts[index] === 'uuid' ? value.toLowerCase() : value));
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationFailed('cursor is not one this API returned', [{ path: 'query.cursor', message: 'invalid cursor' }]);
}

/** Build a page from `limit + 1` rows: the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
