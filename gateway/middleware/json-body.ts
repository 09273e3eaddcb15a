import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, ValidationFailed } from '../../shared/errors.js';
import { findString, nestingWithin } from '../../shared/json.js';
import { isStorableText } from '../../shared/text.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

/** Deeper than any body this API takes; deep enough that no parser or validator of ours overflows. */
export const MAX_BODY_DEPTH = 32;

/**
 * Every request body (but those of the upload routes, `uploadPaths`), checked once before any route sees it:
 * - it must be JSON (`415 unsupported_media_type`): without this, Hono's validator would read a
 *   text/plain body as `{}`, and a route whose fields are all optional would act on a body it
 *   never understood;
 * - it must fit `limitBytes` (`413 payload_too_large`), judged from `Content-Length` before a
 *   byte is read; a body without one (chunked) is counted as it streams;
 * - it must parse (`400 invalid_json`), nest at most {@link MAX_BODY_DEPTH} levels, and hold no
 *   text a store cannot keep (a NUL, a lone surrogate: `400 validation_failed` naming the field).
 * Hono keeps the body's text, so it is read from the socket once; the route's validator parses
 * that text again, which for bodies of this size costs microseconds.
 */
export function jsonBody(options: {
  limitBytes: number;
  /** Paths (prefixes) that also take an HTML form's body (the share links' password form), within the same size limit. */
  formPaths?: readonly string[];
  /** Routes whose body is a file: they read and limit it themselves. */
  uploadPaths?: readonly string[] | undefined;
}): MiddlewareHandler {
  // Routes whose body is a file (with and without the trailing slash): they read and limit it themselves.
  const uploads = new Set((options.uploadPaths ?? []).flatMap((p) => [p, `${p}/`]));
  const tooLarge = () => new AppError('payload_too_large', `request body is larger than ${options.limitBytes} bytes`);
  const streamLimit = bodyLimit({
    maxSize: options.limitBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    if (!BODY_METHODS.has(c.req.method) || uploads.has(c.req.path)) return next();
    const length = c.req.header('content-length');
    const chunked = length === undefined && c.req.header('transfer-encoding') !== undefined;
    if (!chunked && (length === undefined || Number(length) === 0)) return next();

    const type = c.req.header('content-type') ?? '';
    if (FORM_TYPE.test(type) && options.formPaths?.some((prefix) => c.req.path.startsWith(prefix))) {
      if (!chunked && Number(length) > options.limitBytes) throw tooLarge();
      return chunked ? streamLimit(c, next) : next();
    }
    if (!JSON_TYPE.test(type)) {
      throw new AppError('unsupported_media_type', `request body must be application/json, not "${type || 'unset'}"`);
    }
    if (!chunked && Number(length) > options.limitBytes) throw tooLarge();
    const check = async () => {
      await checkJson(await c.req.json().catch(() => {
        throw new AppError('invalid_json', 'request body is not valid JSON');
      }));
      await next();
    };
    return chunked ? streamLimit(c, check) : check();
  };
}

async function checkJson(body: unknown): Promise<void> {
  if (!nestingWithin(body, MAX_BODY_DEPTH)) {
    throw new ValidationFailed(`body nests deeper than ${MAX_BODY_DEPTH} levels`, [
      { path: 'body', message: `must nest at most ${MAX_BODY_DEPTH} levels` },
    ]);
  }
  const where = findString(body, isStorableText);
  if (where) {
    const path = ['body', ...where].join('.');
    throw new ValidationFailed(`${path}: text must not contain NUL characters or unpaired surrogates`, [
      { path, message: 'must not contain NUL characters (\\u0000) or unpaired surrogates' },
    ]);
  }
}
