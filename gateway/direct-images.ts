import { saveImage, storedImageFields, type GalleryContext } from '../gallery/index.js';
import type { ImageRouteContext } from '../image-service/index.js';

/**
 * Where `POST /v1/image/generate/` files what it made: the caller's gallery, under the image's
 * own id, owned by the caller's user and organisation, with no session or message. Like any
 * gallery image it can then be listed, trashed, restored and deleted for good (file included).
 */
export function fileInGallery(gallery: GalleryContext): ImageRouteContext['fileImage'] {
  return async ({ image, prompt, principal }) => {
    await saveImage({
      ctx: gallery,
      input: {
        ...storedImageFields(image),
        userId: principal.userId,
        orgId: principal.orgId,
        prompt,
        intent: 'generate',
        metadata: { source: 'image_generate' },
      },
    });
  };
}
