/**
 * The image service's two ports: a generator (offline renderer, Gemini) makes bytes; a storage
 * (local disk, Cloudinary) keeps them and hands out a URL.
 */

import type { ProviderSafety } from '../shared/moderation.js';
import type { ProviderUsage } from '../shared/usage.js';

export type { ProviderUsage };

export const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const MIN_SIDE = 64;
export const MAX_SIDE = 2048;

export interface GenerateRequest {
  prompt: string;
  /** Written on the image by the offline renderer; defaults to the prompt. */
  caption?: string;
  negativePrompt?: string;
  width: number;
  height: number;
  /** Same prompt and seed, same image (offline: the same bytes). */
  seed: number;
  format: ImageFormat;
  /** e.g. "16:9"; when given, the generator keeps to it. */
  aspectRatio?: string;
}

export interface EditRequest {
  /** The image to change, as stored. */
  source: Buffer;
  /** What to change, in the user's words ("make it black and white", "crop to 16:9"). */
  instruction: string;
  seed: number;
  format: ImageFormat;
}

export interface EnhanceRequest {
  source: Buffer;
  /** Optional direction ("sharper", "more detail"); the offline renderer upscales 2× and sharpens. */
  instruction?: string;
  format: ImageFormat;
}


export interface GeneratedImage {
  data: Buffer;
  width: number;
  height: number;
  format: ImageFormat;
  mimeType: string;
  seed: number;
  provider: string;
  model: string;
  usage?: ProviderUsage;
  /** The provider's safety ratings of the image, when it gives some (Gemini). */
  safety?: ProviderSafety;
}

export interface ImageGenerator {
  readonly provider: string;
  readonly model: string;
  generate(request: GenerateRequest): Promise<GeneratedImage>;
  edit(request: EditRequest): Promise<GeneratedImage>;
  enhance(request: EnhanceRequest): Promise<GeneratedImage>;
}

export interface StoreRequest {
  /** Stable id of the image: storing again under the same id replaces, never duplicates. */
  imageId: string;
  userId: string;
  data: Buffer;
  format: ImageFormat;
  tags?: string[];
  /** Small key/value facts kept with the file where the storage supports it (session, message). */
  context?: Record<string, string>;
}

export interface StoredFile {
  /**
   * The file's own URL where the storage hands one out (Cloudinary's `secure_url`); null where
   * Atelier serves the file itself (disk): its URL is built from the key whenever it is read.
   */
  url: string | null;
  /** Where the storage keeps it: a path under the media folder, or a Cloudinary public id. */
  key: string;
  bytes: number;
  /** A smaller rendition's URL, where the storage can derive one. */
  thumbnailUrl: string | null;
}

export interface ImageStorage {
  readonly kind: 'disk' | 'cloudinary';
  put(request: StoreRequest): Promise<StoredFile>;
  /**
   * The stored bytes (for `edit` / `enhance` of an earlier image), by the key and URL `put`
   * returned: disk reads the key, Cloudinary downloads the URL. A missing file is `NotFound`;
   * a storage that cannot be reached or written is `storage_unavailable` (retryable).
   */
  get(file: Pick<StoredFile, 'key' | 'url'>): Promise<Buffer>;
  /** Remove the file; removing one that is already gone is not an error. */
  remove(key: string): Promise<void>;
  ping(): Promise<void>;
}
