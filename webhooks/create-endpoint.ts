import { count, eq } from 'drizzle-orm';
import type { DomainEventType } from '../shared/domain-events.js';
import { Conflict, ValidationFailed } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Principal } from '../shared/principal.js';
import { checkHost, hostOf, RefusedAddress } from './addresses.js';
import type { WebhooksContext } from './context.js';
import { webhookEndpoints, type WebhookEndpointRow } from './schema/index.js';
import { newSecret } from './signing.js';

/** Endpoints one user may have: enough for every real use, few enough that one event stays cheap. */
export const MAX_ENDPOINTS_PER_USER = 20;

/**
 * Register an endpoint for the caller. Its URL must be http(s) and, unless the operator allows
 * private addresses, every address its host resolves to must be public (checked again at each
 * delivery: DNS may change). The secret is returned here, and on rotation, only.
 */
export async function createEndpoint({
  ctx,
  input,
}: {
  ctx: WebhooksContext;
  input: { principal: Principal; url: string; events: DomainEventType[] };
}): Promise<{ row: WebhookEndpointRow; secret: string }> {
  await checkEndpointUrl(ctx, input.url);
  const [existing] = await ctx.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, input.principal.userId));
  if ((existing?.n ?? 0) >= MAX_ENDPOINTS_PER_USER) {
    throw new Conflict(`you have ${MAX_ENDPOINTS_PER_USER} webhook endpoints already, the most one user may have: delete one first`);
  }
  const secret = newSecret();
  const [row] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      id: newId(),
      userId: input.principal.userId,
      orgId: input.principal.orgId,
      url: input.url,
      events: [...new Set(input.events)],
      secret,
    })
    .returning();
  if (!row) throw new Error('the webhook endpoint could not be stored');
  return { row, secret };
}

/** A 400 naming the URL's problem, when it is one an endpoint may not have. */
async function checkEndpointUrl(ctx: WebhooksContext, url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValidationFailed('a webhook URL must be http or https', [{ path: 'body.url', message: 'expected an http(s) URL' }]);
  }
  if (ctx.allowPrivate) return;
  try {
    await checkHost(hostOf(parsed));
  } catch (error) {
    if (!(error instanceof RefusedAddress)) throw error;
    const message = `webhook URL refused: ${error.message}; webhooks go to public addresses only (an operator may allow private ones with WEBHOOK_ALLOW_PRIVATE=true)`;
    throw new ValidationFailed(message, [{ path: 'body.url', message: error.message }]);
  }
}
