import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import { PageQuery } from '../../shared/pagination.js';
import { addAlbumImages } from '../add-album-images.js';
import { Album, AlbumBody, AlbumIdParam, AlbumImageParams, AlbumPage, toAlbumWire } from '../album-schemas.js';
import type { GalleryContext } from '../context.js';
import { createAlbum } from '../create-album.js';
import { deleteAlbum } from '../delete-album.js';
import { getAlbum } from '../get-album.js';
import type { ItemResult } from '../item-results.js';
import { listAlbumImages } from '../list-album-images.js';
import { listAlbums } from '../list-albums.js';
import { removeAlbumImages } from '../remove-album-images.js';
import { renameAlbum } from '../rename-album.js';
import { GalleryImagePage, toImageWire } from '../schemas.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['gallery albums'];

const create = createRoute({
  method: 'post',
  path: '/v1/gallery/albums',
  operationId: 'createAlbum',
  tags,
  summary: 'Make an empty album',
  request: { body: { ...json(AlbumBody), required: true } },
  responses: {
    201: { description: 'The new album', ...json(Album) },
    400: errorResponses[400],
    409: { ...errorResponses[409], description: 'The user has the most albums one user may have (1000)' },
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/gallery/albums',
  operationId: 'listAlbums',
  tags,
  summary: "The user's albums, newest first, each with its image count",
  request: { query: PageQuery },
  responses: { 200: { description: 'One page', ...json(AlbumPage) }, 400: errorResponses[400] },
});

const get = createRoute({
  method: 'get',
  path: '/v1/gallery/albums/{album_id}',
  operationId: 'getAlbum',
  tags,
  summary: 'One album',
  request: { params: AlbumIdParam },
  responses: { 200: { description: 'The album', ...json(Album) }, 400: errorResponses[400], 404: errorResponses[404] },
});

const rename = createRoute({
  method: 'patch',
  path: '/v1/gallery/albums/{album_id}',
  operationId: 'updateAlbum',
  tags,
  summary: 'Rename an album',
  request: { params: AlbumIdParam, body: { ...json(AlbumBody), required: true } },
  responses: { 200: { description: 'The renamed album', ...json(Album) }, 400: errorResponses[400], 404: errorResponses[404] },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/gallery/albums/{album_id}',
  operationId: 'deleteAlbum',
  tags,
  summary: 'Delete an album; its images stay in the gallery and in their other albums',
  request: { params: AlbumIdParam },
  responses: { 204: { description: 'Deleted' }, 400: errorResponses[400], 404: errorResponses[404] },
});

const listImages = createRoute({
  method: 'get',
  path: '/v1/gallery/albums/{album_id}/images',
  operationId: 'listAlbumImages',
  tags,
  summary: "An album's images in the gallery, newest first (trashed ones show again once restored)",
  request: { params: AlbumIdParam, query: PageQuery },
  responses: { 200: { description: 'One page', ...json(GalleryImagePage) }, 400: errorResponses[400], 404: errorResponses[404] },
});

const addImage = createRoute({
  method: 'put',
  path: '/v1/gallery/albums/{album_id}/images/{id}',
  operationId: 'addAlbumImage',
  tags,
  summary: 'Put an image in an album (idempotent; many at once: `POST /v1/gallery/bulk/` `add_to_album`)',
  request: { params: AlbumImageParams },
  responses: {
    204: { description: 'The image is in the album' },
    400: errorResponses[400],
    404: { ...errorResponses[404], description: 'No such album, or no such image, for this user' },
    409: { ...errorResponses[409], description: 'The image is in the trash: restore it first' },
  },
});

const removeImage = createRoute({
  method: 'delete',
  path: '/v1/gallery/albums/{album_id}/images/{id}',
  operationId: 'removeAlbumImage',
  tags,
  summary: 'Take an image out of an album; the image stays in the gallery (idempotent)',
  request: { params: AlbumImageParams },
  responses: {
    204: { description: 'The image is not in the album' },
    400: errorResponses[400],
    404: { ...errorResponses[404], description: 'No such album, or no such image, for this user' },
  },
});

/** The one image's result of a membership change, as the single routes answer it. */
function throwIfFailed([result]: ItemResult[]): void {
  if (result?.error) throw result.error;
}

/**
 * `/v1/gallery/albums`: list and create, then one album by id and its images. Must be registered
 * before `GET /v1/gallery/{id}`, or "albums" is read as an image id.
 */
export function registerAlbums(app: App, ctx: GalleryContext): void {
  app.openapi(create, async (c) => {
    const { name } = c.req.valid('json');
    const album = await createAlbum({ ctx, input: { userId: c.get('userId'), name } });
    return c.json(toAlbumWire(album), 201);
  });

  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listAlbums({ ctx, input: { userId: c.get('userId'), limit, cursor } });
    return c.json({ data: page.items.map(toAlbumWire), next_cursor: page.nextCursor }, 200);
  });

  // An album's images before the album itself: the document lists paths in this order, and
  // a client (or the fuzzer) that works through it top to bottom deletes the album last.
  app.openapi(listImages, async (c) => {
    const { album_id: albumId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const page = await listAlbumImages({ ctx, input: { userId: c.get('userId'), albumId, limit, cursor } });
    return c.json({ data: page.items.map((row) => toImageWire(row, ctx)), next_cursor: page.nextCursor }, 200);
  });

  app.openapi(addImage, async (c) => {
    const { album_id: albumId, id } = c.req.valid('param');
    throwIfFailed(await addAlbumImages({ ctx, input: { userId: c.get('userId'), albumId, ids: [id] } }));
    return c.body(null, 204);
  });

  app.openapi(removeImage, async (c) => {
    const { album_id: albumId, id } = c.req.valid('param');
    throwIfFailed(await removeAlbumImages({ ctx, input: { userId: c.get('userId'), albumId, ids: [id] } }));
    return c.body(null, 204);
  });

  app.openapi(get, async (c) => {
    const { album_id: id } = c.req.valid('param');
    return c.json(toAlbumWire(await getAlbum({ ctx, input: { userId: c.get('userId'), id } })), 200);
  });

  app.openapi(rename, async (c) => {
    const { album_id: id } = c.req.valid('param');
    const { name } = c.req.valid('json');
    return c.json(toAlbumWire(await renameAlbum({ ctx, input: { userId: c.get('userId'), id, name } })), 200);
  });

  app.openapi(remove, async (c) => {
    const { album_id: id } = c.req.valid('param');
    await deleteAlbum({ ctx, input: { userId: c.get('userId'), id } });
    return c.body(null, 204);
  });
}
