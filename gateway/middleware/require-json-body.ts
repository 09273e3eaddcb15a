import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/errors.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A request that sends a body must send JSON. Without this check Hono's validator would read a
 * text/plain body as `{}`, and a route whose fields are all optional would act on a body it never
 * understood.
 */
export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) && hasBody(c.req.raw.headers)) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
        throw new AppError('unsupported_media_type', `request body must be application/json, not "${type || 'unset'}"`);
      }
    }
    await next();
  };
}

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return headers.has('transfer-encoding');
}
