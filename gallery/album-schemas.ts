import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/http.js';
import type { AlbumWithCount } from './album-repository.js';

/** Wire schemas of albums (snake_case); rows are mapped to them once, by {@link toAlbumWire}. */

export const MAX_ALBUM_NAME_CHARS = 200;

const timestamp = z.iso.datetime().openapi({ example: '2025-01-01T12:00:00.000Z' });

export const Album = z
  .object({
    id: z.uuid(),
    name: z.string(),
    image_count: z.number().int().openapi({ description: 'Its images in the gallery (trashed ones are not counted until restored).' }),
    created_at: timestamp,
    updated_at: timestamp.openapi({ description: 'Moves when it is renamed and when images are added or taken out.' }),
  })
  .openapi('Album');
export type Album = z.infer<typeof Album>;

export const AlbumPage = z
  .object({
    data: z.array(Album),
    next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('AlbumPage');

export const AlbumBody = z
  .object({
    name: z.string().trim().min(1, 'name must not be empty').max(MAX_ALBUM_NAME_CHARS),
  })
  .openapi('AlbumName');

const albumId = idSchema('an album').openapi({ param: { name: 'album_id', in: 'path' }, example: '01950000-0000-7000-8000-000000000000' });

export const AlbumIdParam = z.object({ album_id: albumId });

export const AlbumImageParams = z.object({
  album_id: albumId,
  id: idSchema('an image').openapi({ param: { name: 'id', in: 'path' }, example: '01950000-0000-7000-8000-000000000001' }),
});

export function toAlbumWire(row: AlbumWithCount): Album {
  return {
    id: row.id,
    name: row.name,
    image_count: row.imageCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
