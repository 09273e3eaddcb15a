import { createHash, randomBytes } from 'node:crypto';

/**
 * Random credentials (API keys, refresh tokens): 256 bits behind a prefix that says what they are
 * (secret scanners and people can tell one apart). Only their SHA-256 is stored: a random 256-bit
 * secret needs no slow hash, and a lookup by hash stays one index probe.
 */

export const API_KEY_PREFIX = 'atl_';
export const REFRESH_TOKEN_PREFIX = 'atr_';

export function newOpaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
