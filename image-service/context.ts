import type { MediaLinks, StorageKind } from './media-links.js';
import type { GeneratedImage, ImageFormat, ImageGenerator, ImageStorage } from './ports.js';

/** What the image use cases need: a generator and a storage, chosen at start. */
export interface ImageContext {
  imageGenerator: ImageGenerator;
  storage: ImageStorage;
}

/** What the image routes need besides: how to link to a stored file. */
export interface ImageRouteContext extends ImageContext {
  links: MediaLinks;
}

/**
 * An image made and stored. The one shape of an image from the generator to the gallery row:
 * the pipeline keeps it on the message and files it under the same `id`.
 */
export interface StoredImage {
  id: string;
  /** Which storage holds it, so the file can be read and removed through the right one. */
  storage: StorageKind;
  /** Where the storage keeps it (a path under the media folder, a Cloudinary public id). */
  storageKey: string;
  /** The storage's own URL (Cloudinary); null when Atelier serves the file (see MediaLinks). */
  url: string | null;
  thumbnailUrl: string | null;
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

/**
 * Called between making the image and storing it, so a caller can say it is now uploading.
 * Throwing stops the use case before anything is stored.
 */
export type OnGenerated = (image: GeneratedImage, tookMs: number) => Promise<void>;
