import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { NotFound } from '../../shared/errors.js';
import { errorResponses, type App } from '../../shared/http.js';
import { mediaFile } from '../storage/media-path.js';

export interface MediaOptions {
  /** The disk storage's folder. */
  mediaDir: string;
}

/** Only image files are served: a half-written `.tmp` or anything else in the folder is not. */
const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

const PREFIX = '/media/';

const route = createRoute({
  method: 'get',
  path: '/media/{key}',
  tags: ['image'],
  summary: 'A stored image file (local disk storage)',
  description: '`key` is the storage key, slashes included (`users/{user}/{image}.png`). Files never change, so they may be cached for good.',
  request: { params: z.object({ key: z.string().openapi({ example: 'users/local/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png' }) }) },
  responses: {
    200: {
      description: 'The image',
      content: Object.fromEntries(
        [...new Set(Object.values(CONTENT_TYPES))].map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
      ),
    },
    404: errorResponses[404],
  },
});

/**
 * `GET /media/*`: the files of the disk storage. The path after `/media/` is the storage key
 * byte for byte (not percent-decoded, as the storage wrote it); a key that could leave the media
 * folder is simply not found.
 */
export function registerMedia(app: App, options: MediaOptions): void {
  const root = path.resolve(options.mediaDir);
  // The key spans several segments, which a `{key}` parameter cannot; the route is documented
  // as `/media/{key}` and served by a wildcard.
  app.openAPIRegistry.registerPath(route);
  app.get('/media/*', async (c) => {
    const pathname = new URL(c.req.url).pathname;
    const key = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) : '';
    const file = mediaFile(root, key);
    const type = file && CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (!file || !type) throw new NotFound('media file', key);

    const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EISDIR') throw new NotFound('media file', key);
      throw error;
    });
    const info = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    // HEAD answers from a GET handler with the body dropped: a stream opened for it would never be read or closed.
    if (!info.isFile() || c.req.method === 'HEAD') await handle.close();
    if (!info.isFile()) throw new NotFound('media file', key);

    c.header('Content-Type', type);
    c.header('Content-Length', String(info.size));
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.method === 'HEAD') return c.body(null);
    // Streamed from the open handle: a file replaced meanwhile is still served whole, never mixed.
    return c.body(Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>);
  });
}
