import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Redis } from 'ioredis';
import { AppError, Conflict, ValidationFailed } from '../../shared/errors.js';
import type { AppEnv } from '../../shared/http.js';

export interface IdempotencyOptions {
  redis: Redis;
  /** Key prefix in Redis, e.g. the queue prefix. */
  keyPrefix: string;
  /** How long a completed response is replayed. Default 24 h. */
  ttlSeconds?: number;
  /** How long a request in flight holds its key; a crashed request frees it after this. Default 60 s. */
  inFlightSeconds?: number;
}

interface Stored {
  fingerprint: string;
  state: 'in_flight' | 'done';
  status?: number;
  location?: string | null;
  body?: string;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` for a POST: the same key with the same request within the TTL gets the
 * original response again (with `Idempotent-Replayed: true`) and does nothing a second time; the
 * same key with another request is a 422; a second request while the first is still running is
 * a 409. Keys are per user. Only a successful response is kept: after an error the key is free,
 * so the client can retry with it.
 */
export function idempotency(options: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  const ttlSeconds = options.ttlSeconds ?? 24 * 3600;
  const inFlightSeconds = options.inFlightSeconds ?? 60;

  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailed('Idempotency-Key must be 1 to 255 visible ASCII characters', [
        { path: 'header.idempotency-key', message: 'invalid idempotency key' },
      ]);
    }
    const fingerprint = await fingerprintOf(c.req.method, c.req.path, await c.req.text());
    const redisKey = `${options.keyPrefix}:idempotency:${c.get('userId')}:${key}`;

    const claimed = await options.redis.set(
      redisKey,
      JSON.stringify({ fingerprint, state: 'in_flight' } satisfies Stored),
      'EX',
      inFlightSeconds,
      'NX',
    );
    if (claimed !== 'OK') {
      const raw = await options.redis.get(redisKey);
      if (raw === null) throw new Conflict('a request with this Idempotency-Key just finished; send it again');
      const stored = JSON.parse(raw) as Stored;
      if (stored.fingerprint !== fingerprint) {
        throw new AppError('idempotency_key_reused', 'this Idempotency-Key was used with a different request');
      }
      if (stored.state === 'in_flight') {
        throw new Conflict('a request with this Idempotency-Key is still being processed');
      }
      const headers = new Headers({ 'content-type': 'application/json', 'idempotent-replayed': 'true' });
      if (stored.location) headers.set('location', stored.location);
      return new Response(stored.body ?? null, { status: stored.status ?? 200, headers });
    }

    try {
      await next();
    } catch (error) {
      await options.redis.del(redisKey);
      throw error;
    }
    // Hono turns a thrown error into a response before we see it: look at the status.
    if (c.res.status >= 200 && c.res.status < 300) {
      const done: Stored = {
        fingerprint,
        state: 'done',
        status: c.res.status,
        location: c.res.headers.get('location'),
        body: await c.res.clone().text(),
      };
      await options.redis.set(redisKey, JSON.stringify(done), 'EX', ttlSeconds);
    } else {
      await options.redis.del(redisKey);
    }
  };
}

/** What makes two requests "the same": method, path and body (JSON compared by value). */
async function fingerprintOf(method: string, path: string, body: string): Promise<string> {
  let canonical = body;
  try {
    canonical = stableStringify(JSON.parse(body));
  } catch {
    // not JSON: the route will refuse it; compare the bytes
  }
  return createHash('sha256').update(`${method} ${path.replace(/\/+$/, '')}\n${canonical}`).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
