import type { ImageFormat, ImageGenerator, ImageStorage } from './ports.js';

/** What the image use cases and routes need: a generator and a storage, chosen at start. */
export interface ImageContext {
  imageGenerator: ImageGenerator;
  storage: ImageStorage;
}

/** An image made and stored: what the pipeline records and the route answers with. */
export interface StoredImage {
  imageId: string;
  url: string;
  thumbnailUrl: string | null;
  /** Where the storage keeps it (a path under the media folder, a Cloudinary public id). */
  key: string;
  /** Which storage holds it, so the file can be removed later through the right one. */
  storage: ImageStorage['kind'];
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
  provider: string;
  model: string;
  seed: number;
}

/** Facts a caller may keep with the stored file (Cloudinary tags and context; disk ignores them). */
export interface StoreExtras {
  tags?: string[];
  context?: Record<string, string>;
}
