import { z } from '@hono/zod-openapi';
import { ValidationFailed } from './errors.js';

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

/** The sort key in a cursor; a cursor the client altered or made up is a validation error. */
export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === 'string')) {
      return key as string[];
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
