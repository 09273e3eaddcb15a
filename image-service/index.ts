/** The image service's public face: everything other folders may use. */
export * from './ports.js';
export { createDiskStorage, type DiskStorageOptions } from './storage/disk.js';
export { createCloudinaryStorage, type CloudinaryStorageOptions } from './storage/cloudinary.js';
export { createOfflineRenderer, OFFLINE_MODEL, OFFLINE_PROVIDER } from './offline/renderer.js';
export { MAX_ENHANCED_SIDE } from './offline/enhance.js';
export { EDIT_CAPABILITIES } from './offline/edit-instructions.js';
export { MIME_TYPES, formatOf } from './format.js';
export { DEFAULT_SIDE, parseAspectRatio, resolveSize, sizeProblems, type AspectRatio, type Size, type SizeOptions } from './size.js';
export { GenerateImageBody, GeneratedImageBody, ImageOptions, MAX_PROMPT_LENGTH, MAX_SEED } from './schemas.js';
export type { ImageContext, StoreExtras, StoredImage } from './context.js';
export { generateImage, type GenerateImageInput } from './generate-image.js';
export { editImage, type EditImageInput } from './edit-image.js';
export { enhanceImage, type EnhanceImageInput } from './enhance-image.js';
export { loadStoredImage } from './load-stored-image.js';
export { storeGenerated } from './store-generated.js';
export { registerGenerateImage } from './routes/generate.js';
export { registerMedia, type MediaOptions } from './routes/media.js';
export { createGeminiImageGenerator, type GeminiImageGeneratorOptions } from './gemini/generator.js';
