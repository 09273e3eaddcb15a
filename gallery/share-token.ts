import { createHash, randomBytes } from 'node:crypto';

/** 24 random bytes: 192 bits, 32 base64url characters. */
const TOKEN_BYTES = 24;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** A new share token; only its {@link hashShareToken} is stored. */
export function newShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What is stored and looked up: the token is random enough that a plain SHA-256 cannot be reversed. */
export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Whether `token` has the shape of one we made (anything else is not looked up). */
export function isShareToken(token: string): boolean {
  return TOKEN.test(token);
}
