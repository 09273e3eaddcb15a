/** The gallery's public face: everything other folders may use. */
export type { GalleryContext } from './context.js';
export { migrateGallery } from './migrate.js';
export { galleryImages, GALLERY_STORAGES, type GalleryImageRow, type GalleryStorage } from './schema.js';
export { GalleryImage, GalleryImagePage, toImageWire } from './schemas.js';

export { saveImage, type SaveImageInput, type SaveImageResult } from './save-image.js';
export { listImages } from './list-images.js';
export { getImage } from './get-image.js';
export { deleteImage } from './delete-image.js';
export { listDeletedImages } from './list-deleted-images.js';
export { restoreImage } from './restore-image.js';
export { deleteImagePermanently } from './delete-image-permanently.js';

export {
  registerListImages,
  registerCreateImage,
  registerListDeletedImages,
  registerGetImage,
  registerDeleteImage,
  registerRestoreImage,
  registerDeleteImagePermanently,
} from './routes/index.js';
