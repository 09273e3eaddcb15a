import { createHash } from 'node:crypto';
import { eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { ValidationFailed } from '../shared/errors.js';
import { decodeCursor, encodeCursor } from '../shared/pagination.js';
import { galleryAlbumImages as albumImages, galleryImages as images } from './schema.js';

/**
 * What `GET /v1/gallery/` can be narrowed by, and the one place those filters become SQL: the
 * list, and anything else that selects "the images matching a filter" (an export by filter),
 * build their `where` here. To add a filter: a field below, a line in {@link filterConditions},
 * a query parameter in schemas.ts. The cursor's tag covers every field by itself.
 */
export interface GalleryFilter {
  sessionId?: string | undefined;
  messageId?: string | undefined;
  intent?: string | undefined;
  provider?: string | undefined;
  model?: string | undefined;
  isNsfw?: boolean | undefined;
  /** Created at or after this instant. */
  createdAfter?: Date | undefined;
  /** Created before this instant (a half-open window: consecutive windows never share an image). */
  createdBefore?: Date | undefined;
  /** Words to find in the prompt or refined prompt (web-search syntax: `"a phrase"`, `-word`, `or`). */
  q?: string | undefined;
  /** Only the favorites (`true`) or only the others (`false`). */
  favorite?: boolean | undefined;
  /** Only the images in this album (the caller checks it is the user's: list-images.ts). */
  albumId?: string | undefined;
}

export const GALLERY_SORTS = ['newest', 'oldest'] as const;
export type GallerySort = (typeof GALLERY_SORTS)[number];

/**
 * The search's query: the words as English (stemmed) or as written ('simple'), matching the two
 * halves of the stored vector (schema.ts). A query of only stop words or punctuation matches nothing.
 */
export function searchQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english'::regconfig, ${q}) || websearch_to_tsquery('simple'::regconfig, ${q}))`;
}

/** The `where` conditions of a filter (the caller adds the user and live/trash conditions). */
export function filterConditions(filter: GalleryFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.sessionId !== undefined) conditions.push(eq(images.sessionId, filter.sessionId));
  if (filter.messageId !== undefined) conditions.push(eq(images.messageId, filter.messageId));
  if (filter.intent !== undefined) conditions.push(eq(images.intent, filter.intent));
  if (filter.provider !== undefined) conditions.push(eq(images.provider, filter.provider));
  if (filter.model !== undefined) conditions.push(eq(images.model, filter.model));
  if (filter.isNsfw !== undefined) conditions.push(eq(images.isNsfw, filter.isNsfw));
  if (filter.createdAfter !== undefined) conditions.push(gte(images.createdAt, filter.createdAfter));
  if (filter.createdBefore !== undefined) conditions.push(lt(images.createdAt, filter.createdBefore));
  if (filter.q !== undefined) conditions.push(sql`${images.search} @@ ${searchQuery(filter.q)}`);
  if (filter.favorite !== undefined) conditions.push(filter.favorite ? isNotNull(images.favoritedAt) : isNull(images.favoritedAt));
  if (filter.albumId !== undefined) {
    // The album's rows carry the owner too: an album id of another user's selects nothing.
    conditions.push(
      inArray(
        images.id,
        sql`(select ${albumImages.imageId} from ${albumImages} where ${albumImages.albumId} = ${filter.albumId} and ${albumImages.userId} = ${images.userId})`,
      ),
    );
  }
  return conditions;
}

/**
 * A short tag naming a sort and a filter: the first part of a list's cursor. A cursor only means
 * "after this image" under the sort and filter it was made with, so one brought to another is
 * refused rather than silently skipping or repeating images.
 */
export function listingTag(sort: GallerySort, filter: GalleryFilter): string {
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const digest = createHash('sha256').update(JSON.stringify(entries)).digest('base64url').slice(0, 16);
  return `${sort}.${digest}`;
}

/** The next page's cursor: the listing's tag and the last image's id. */
export function listCursor(tag: string, lastId: string): string {
  return encodeCursor([tag, lastId]);
}

/**
 * The id a list cursor continues after, checked against the listing it is brought to.
 * A one-part cursor (from before sorts and filters) still continues the plain newest-first list.
 * @throws ValidationFailed for a cursor we did not make, or one made under another sort or filter.
 */
export function cursorAfter(cursor: string, tag: string): string {
  let parts: string[];
  try {
    parts = decodeCursor(cursor, ['tag', 'uuid']);
  } catch (error) {
    if (tag !== listingTag('newest', {})) throw error;
    return decodeCursor(cursor, ['uuid'])[0] as string;
  }
  const [madeUnder, lastId] = parts as [string, string];
  if (madeUnder !== tag) {
    throw new ValidationFailed('cursor was made for another sort or filter: start again without it', [
      { path: 'query.cursor', message: 'cursor does not match this sort and filter' },
    ]);
  }
  return lastId;
}
