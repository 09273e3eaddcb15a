import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { and, eq, isNull } from 'drizzle-orm';
import { newId } from '../shared/ids.js';
import { checkHost, hostOf } from './addresses.js';
import type { WebhooksContext } from './context.js';
import type { DeliveryJob } from './queue.js';
import { webhookDeliveries, webhookEndpoints } from './schema/index.js';
import { signPayload } from './signing.js';

/** What one attempt came to: delivered (2xx), gone (410: the endpoint is disabled), or to be retried. */
export type AttemptOutcome = 'delivered' | 'gone' | 'skipped' | 'retry';

/**
 * Make one attempt at a delivery and record it in the log. Nothing is sent for an endpoint
 * deleted or disabled since the event (`skipped`). Each attempt is signed anew: a fresh
 * `webhook-timestamp`, the same `webhook-id`, the endpoint's current secret.
 */
export async function attemptDelivery({
  ctx,
  input,
}: {
  ctx: WebhooksContext;
  input: { job: DeliveryJob; attempt: number };
}): Promise<{ outcome: AttemptOutcome; error?: string }> {
  const { job, attempt } = input;
  const [endpoint] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, job.endpointId), isNull(webhookEndpoints.disabledAt)));
  if (!endpoint) return { outcome: 'skipped' };

  const body = JSON.stringify({ type: job.type, timestamp: job.occurredAt, data: job.data });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Atelier-Webhooks/1',
    'webhook-id': job.eventId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signPayload(endpoint.secret, job.eventId, timestamp, body),
  };
  const startedAt = performance.now();
  let statusCode: number | undefined;
  let error: string | undefined;
  try {
    statusCode = await post(new URL(endpoint.url), headers, body, { timeoutMs: ctx.timeoutMs, allowPrivate: ctx.allowPrivate });
  } catch (failure) {
    error = (failure as Error).message;
  }
  const durationMs = Math.round(performance.now() - startedAt);
  await ctx.db
    .insert(webhookDeliveries)
    .values({ id: newId(), endpointId: endpoint.id, eventId: job.eventId, eventType: job.type, attempt, statusCode, error, durationMs })
    .catch((failure: unknown) => ctx.logger.warn({ err: failure, endpointId: endpoint.id, eventId: job.eventId }, 'webhook attempt not logged'));

  if (statusCode !== undefined && statusCode >= 200 && statusCode < 300) return { outcome: 'delivered' };
  if (statusCode === 410) {
    // The receiver says the endpoint is gone for good (Standard Webhooks): stop sending to it.
    await ctx.db.update(webhookEndpoints).set({ disabledAt: new Date() }).where(eq(webhookEndpoints.id, endpoint.id));
    return { outcome: 'gone' };
  }
  return { outcome: 'retry', error: error ?? `the receiver answered ${statusCode}` };
}

/**
 * POST the body and give back the status code. Redirects are not followed (a 3xx is a failed
 * attempt). Unless private addresses are allowed, the connection goes only to addresses checked
 * at this moment: the check sits in the socket's own DNS lookup, so a name cannot resolve to a
 * public address for the check and to a private one for the connection.
 */
function post(url: URL, headers: Record<string, string>, body: string, options: { timeoutMs: number; allowPrivate: boolean }): Promise<number> {
  const lookup: LookupFunction | undefined = options.allowPrivate
    ? undefined
    : (hostname, lookupOptions, callback) => {
        checkHost(hostname).then(
          (addresses) => {
            const family = lookupOptions.family === 6 || lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family === 4 || lookupOptions.family === 'IPv4' ? 4 : 0;
            const usable = addresses.filter((address) => family === 0 || address.family === family);
            if (lookupOptions.all) return callback(null, usable);
            const first = usable[0];
            if (!first) return callback(Object.assign(new Error(`no IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
            callback(null, first.address, first.family);
          },
          (error: Error) => callback(Object.assign(error, { code: 'EREFUSED' }), '', 0),
        );
      };
  return new Promise((resolve, reject) => {
    const check = options.allowPrivate ? Promise.resolve() : precheckLiteral(url);
    check.then(() => {
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(lookup ? { lookup } : {}),
      });
      request.on('response', (response) => {
        // The answer's body is not read: only its status counts. Drain it so the socket is freed.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        reject(error.name === 'AbortError' ? new Error(`no answer within ${options.timeoutMs} ms`) : error);
      });
      request.end(body);
    }, reject);
  });
}

/** An IP literal in the URL is connected to without any lookup: check it here. */
async function precheckLiteral(url: URL): Promise<void> {
  const host = hostOf(url);
  if (isIP(host)) await checkHost(host);
}
