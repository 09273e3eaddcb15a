import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { Forbidden, NotFound } from '../../shared/errors.js';
import { errorResponses, type App } from '../../shared/http.js';
import type { MediaSigner } from '../media-signer.js';
import { makeMissingThumbnail } from '../storage/disk.js';
import { mediaFile } from '../storage/media-path.js';
import { isThumbnailKey } from '../thumbnail.js';

export interface MediaOptions {
  /** The disk storage's folder. */
  mediaDir: string;
  /** Checks the URL's signature and expiry: the link is the credential (the route is public). */
  signer: MediaSigner;
}

const REFUSALS = {
  unsigned: 'media URLs are signed: take the URL the API answered with (image.url), not a path of your own',
  expired: 'this media URL has expired: read the image again through the API for a fresh one',
  invalid: 'this media URL\'s signature does not match its path and expiry',
} as const;

/**
 * Only image files and the gallery's exports (zip, PDF) are served: a half-written `.tmp` or
 * anything else in the folder is not.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

/** The gallery's exports (`users/{user}/exports/{id}.{ext}`) download as a file of that name. */
const EXPORT_KEY = /^users\/[^/]+\/exports\/([0-9a-f-]{36}\.[a-z]{3,4})$/;

const PREFIX = '/media/';

/**
 * The storage key a `/media/…` path names. Served as the API links it, the key's slashes are
 * plain (`users/u/x.png`); a generated client (openapi-fetch, Swagger UI) that fills the
 * documented `{key}` encodes the whole key as one segment (`users%2Fu%2Fx.png`). A real key
 * always has slashes, so a path with none but an encoded one is the second form, decoded once.
 * Either way the result is the key byte for byte, which the signature covers and `mediaFile`
 * confines to the folder (`..%2F` decodes to a `..` segment, which it refuses).
 */
export function mediaKeyOf(pathname: string): string | undefined {
  if (!pathname.startsWith(PREFIX)) return undefined;
  const raw = pathname.slice(PREFIX.length);
  if (raw.includes('/') || !/%2f/i.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

const route = createRoute({
  method: 'get',
  path: '/media/{key}',
  operationId: 'getMedia',
  tags: ['image'],
  summary: 'A stored image file (local disk storage), by its signed URL',
  description:
    'The URL comes from the API (`url` of an image or message) and is the credential: no `Authorization` needed. ' +
    '`key` is the storage key, slashes included (`users/{user}/{image}.png`), sent as the API links it or encoded as one ' +
    'segment (`users%2F{user}%2F{image}.png`, as generated clients send a path parameter); `expires` and `signature` sign it ' +
    '(HMAC-SHA256 over the path and the expiry). Unsigned, expired or altered: 403. Cacheable privately until it expires.',
  request: {
    params: z.object({ key: z.string().openapi({ example: 'users/019a0c4e-0000-7000-8000-000000000001/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png' }) }),
    query: z.object({
      expires: z.string().openapi({ description: 'Unix time (seconds) after which the URL is refused', example: '1767225600' }),
      signature: z.string().openapi({ description: 'base64url HMAC-SHA256 of the path and `expires`' }),
    }),
  },
  responses: {
    200: {
      description: 'The image, or the export file (zip, PDF: with `Content-Disposition: attachment`)',
      content: Object.fromEntries(
        [...new Set(Object.values(CONTENT_TYPES))].map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
      ),
    },
    403: { ...errorResponses[403], description: 'The URL is unsigned, expired, or its path, expiry or signature was changed (`forbidden`)' },
    404: errorResponses[404],
  },
});

/**
 * `GET /media/*`: the files of the disk storage, by signed URL. The signature is checked before
 * anything is looked up, so a URL that is not one we made learns nothing, not even whether the
 * file exists. The path after `/media/` is the storage key byte for byte (not percent-decoded, as
 * the storage wrote it), or that key encoded as one segment (see mediaKeyOf); a key that could
 * leave the media folder is simply not found.
 */
export function registerMedia(app: App, options: MediaOptions): void {
  const root = path.resolve(options.mediaDir);
  // The key spans several segments, which a `{key}` parameter cannot; the route is documented
  // as `/media/{key}` and served by a wildcard.
  app.openAPIRegistry.registerPath(route);
  app.get('/media/*', async (c) => {
    const url = new URL(c.req.url);
    const key = mediaKeyOf(url.pathname);
    // Signed as the API links it: over `/media/{key}` with the key's slashes plain, whichever form came.
    const verdict = options.signer.verify(key === undefined ? url.pathname : `${PREFIX}${key}`, url.searchParams);
    if (!verdict.ok) throw new Forbidden(REFUSALS[verdict.reason]);
    if (key === undefined) throw new NotFound('media file', url.pathname);
    const file = mediaFile(root, key);
    const type = file && CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (!file || !type) throw new NotFound('media file', key);

    const cacheFor = `private, max-age=${verdict.remainingSeconds}, immutable`;
    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EISDIR') return undefined;
      throw error;
    });
    if (!handle) {
      // An image stored before thumbnails were made: its thumbnail is made now, once, and kept.
      const thumbnail = isThumbnailKey(key) ? await makeMissingThumbnail(root, key) : undefined;
      if (!thumbnail) throw new NotFound('media file', key);
      c.header('Content-Type', type);
      c.header('Content-Length', String(thumbnail.byteLength));
      c.header('Cache-Control', cacheFor);
      c.header('X-Content-Type-Options', 'nosniff');
      if (c.req.method === 'HEAD') return c.body(null);
      return c.body(new Uint8Array(thumbnail));
    }
    const info = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    // HEAD answers from a GET handler with the body dropped: a stream opened for it would never be read or closed.
    if (!info.isFile() || c.req.method === 'HEAD') await handle.close();
    if (!info.isFile()) throw new NotFound('media file', key);

    c.header('Content-Type', type);
    c.header('Content-Length', String(info.size));
    // The file never changes while its URL lives; no cache may keep it longer, nor share it.
    c.header('Cache-Control', cacheFor);
    c.header('X-Content-Type-Options', 'nosniff');
    const exported = EXPORT_KEY.exec(key);
    if (exported) c.header('Content-Disposition', `attachment; filename="atelier-export-${exported[1]}"`);
    if (c.req.method === 'HEAD') return c.body(null);
    // Streamed from the open handle: a file replaced meanwhile is still served whole, never mixed.
    return c.body(Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>);
  });
}
