/** The image service's public face: everything other folders may use. */
export type { GeneratedImage, ImageFormat, ImageGenerator, ImageStorage } from './ports.js';
export type { ImageContext, ImageRouteContext, StoredImage } from './context.js';
export { createMediaLinks, mediaPath, STORAGE_KINDS, type MediaLinks, type StorageKind } from './media-links.js';
export { createMediaSigner, type MediaSigner } from './media-signer.js';
export { createDiskStorage, sweepTemporaryFiles } from './storage/disk.js';
export { mediaFile } from './storage/media-path.js';
export { createCloudinaryStorage } from './storage/cloudinary.js';
export { createOfflineRenderer } from './offline/renderer.js';
export { createGeminiImageGenerator } from './gemini/generator.js';
export { ImageOptions, imageOptionFields, checkSize } from './schemas.js';
export { generateImage } from './generate-image.js';
export { editImage } from './edit-image.js';
export { enhanceImage } from './enhance-image.js';
export { loadStoredImage } from './load-stored-image.js';
export { readParameters, type ImageParameters } from './parameters.js';
export { registerGenerateImage } from './routes/generate.js';
export { registerMedia } from './routes/media.js';
