/** The gallery's public face: everything other folders may use. */
export type { GalleryContext } from './context.js';
export { migrateGallery } from './migrate.js';
export { galleryImages, GALLERY_STORAGES, type GalleryImageRow, type GalleryStorage } from './schema.js';
export { GalleryImage, GalleryImagePage, toImageWire } from './schemas.js';

export { saveImage, storedImageFields, type SaveImageInput, type SaveImageResult } from './save-image.js';
export { listImages } from './list-images.js';
export { liveImageIds } from './live-image-ids.js';
export { getImage } from './get-image.js';
export { findImageOf } from './find-image-of.js';
export { deleteImage } from './delete-image.js';
export { trashSessionImages } from './trash-session-images.js';
export { listDeletedImages } from './list-deleted-images.js';
export { restoreImage } from './restore-image.js';
export { deleteImagePermanently } from './delete-image-permanently.js';
export { getOrgUsage, type OrgUsage } from './org-usage.js';
export { recallParameters } from './recall-parameters.js';
export { purgeExpiredTrash, emptyTrash, purgeAtOf, PURGE_BATCH_SIZE, type PurgeResult } from './purge-trash.js';
export { startTrashPurge, PURGE_EVERY_MS, TRASH_PURGE_QUEUE, type TrashPurge } from './trash-purge-job.js';

export { registerListImages } from './routes/list-images.js';
export { registerCreateImage } from './routes/create-image.js';
export { registerListDeletedImages } from './routes/list-deleted-images.js';
export { registerEmptyTrash } from './routes/empty-trash.js';
export { registerGetImage } from './routes/get-image.js';
export { registerGetLineage } from './routes/get-lineage.js';
export { registerDeleteImage } from './routes/delete-image.js';
export { registerRestoreImage } from './routes/restore-image.js';
export { registerDeleteImagePermanently } from './routes/delete-image-permanently.js';
export { registerOrgUsage } from './routes/org-usage.js';
export { registerRecallParameters, RECALL_PATH } from './routes/recall-parameters.js';
