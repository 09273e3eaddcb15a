/**
 * The gallery's routes. The gateway registers them in its route table, `/v1/gallery/deleted`
 * before `/v1/gallery/{id}`, or "deleted" would be taken for an (invalid) id.
 */
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
