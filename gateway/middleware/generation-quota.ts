import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import type { QuotaPort } from '../../shared/quota.js';

/**
 * `POST /v1/image/generate/` spends a unit of the image quota, like a posted message: charged
 * before the image is made (`429 quota_exceeded` when none is left), given back when the
 * request does not end with an image (a provider failure, a blocked prompt, a bad body).
 * Here rather than in the image service's route: the image service knows nothing of users'
 * quotas, and the pipeline calls the same use case for messages, which are charged at posting.
 */
export function chargeDirectGenerations({ quota, logger }: { quota: QuotaPort; logger: Logger }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (c.req.method !== 'POST' || !principal) return next();
    const chargeId = `generate:${newId()}`;
    await quota.charge({ userId: principal.userId, orgId: principal.orgId, chargeId });
    let made = false;
    try {
      await next();
      made = c.res.status < 300 && c.error === undefined;
    } finally {
      if (!made) {
        await quota.refund(chargeId).catch((error: unknown) => logger.warn({ err: error, chargeId }, 'could not give back the quota unit of a failed generation'));
      }
    }
  };
}
