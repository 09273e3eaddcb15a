import type { App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { registerCreateImage } from './create-image.js';
import { registerDeleteImage } from './delete-image.js';
import { registerDeleteImagePermanently } from './delete-image-permanently.js';
import { registerGetImage } from './get-image.js';
import { registerListDeletedImages } from './list-deleted-images.js';
import { registerListImages } from './list-images.js';
import { registerRestoreImage } from './restore-image.js';

export {
  registerCreateImage,
  registerDeleteImage,
  registerDeleteImagePermanently,
  registerGetImage,
  registerListDeletedImages,
  registerListImages,
  registerRestoreImage,
};

/**
 * Every gallery route, in the order they must be registered: `/v1/gallery/deleted` before
 * `/v1/gallery/{id}`, or "deleted" would be taken for an (invalid) id.
 */
export function registerGalleryRoutes(app: App, ctx: GalleryContext): void {
  registerListImages(app, ctx);
  registerCreateImage(app, ctx);
  registerListDeletedImages(app, ctx);
  registerGetImage(app, ctx);
  registerDeleteImage(app, ctx);
  registerRestoreImage(app, ctx);
  registerDeleteImagePermanently(app, ctx);
}
