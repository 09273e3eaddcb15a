import { v5 as uuidv5, v7 as uuidv7, validate, version } from 'uuid';

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

const DERIVED_NAMESPACE = '6f1c3a52-61a4-4f7e-9a1e-0b1f0c6a7e11';

/**
 * A stable id derived from another: the same input always gives the same id. Used where a retried
 * step must land on the same record (the image of a message, its stored file).
 */
export function derivedId(kind: string, from: string): string {
  return uuidv5(`${kind}:${from}`, DERIVED_NAMESPACE);
}
