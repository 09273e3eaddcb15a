import { createHash } from 'node:crypto';
import { v7 as uuidv7, validate, version } from 'uuid';

/**
 * Ids are UUIDv7: they sort by creation time, so "newest first" and cursors need only the id,
 * and Postgres and MongoDB order them the same way (bytes and lowercase hex agree).
 */
export function newId(): string {
  return uuidv7();
}

/** Any well-formed UUID (v1–v8), the shape every id in the API has. */
export function isUuid(value: string): boolean {
  return validate(value) && version(value) >= 1;
}

/**
 * A stable UUIDv7 derived from another: the same input always gives the same id, and it carries
 * the creation time of `from` (its first 48 bits), so it sorts where `from` does. Used where a
 * retried step must land on the same record (the image a message makes, its stored file).
 */
export function derivedId(kind: string, from: string): string {
  const bytes = createHash('sha256').update(`${kind}:${from.toLowerCase()}`).digest().subarray(0, 16);
  const source = Buffer.from(from.replace(/-/g, ''), 'hex');
  if (source.length === 16 && version(from) === 7) source.copy(bytes, 0, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
