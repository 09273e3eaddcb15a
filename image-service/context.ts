import type { Principal } from '../shared/principal.js';
import type { ModerationPolicy } from '../shared/moderation.js';
import type { MediaLinks, StorageKind } from './media-links.js';
import type { GeneratedImage, ImageFormat, ImageGenerator, ImageStorage } from './ports.js';

/** What the image use cases need: a generator and a storage, chosen at start. */
export interface ImageContext {
  imageGenerator: ImageGenerator;
  storage: ImageStorage;
  /**
   * What a provider's safety ratings of a made image lead to (MODERATION_POLICY): under `block`
   * a HIGH rating is `safety_blocked` and nothing is stored; MEDIUM (or HIGH under `flag`) marks
   * it nsfw; `off` ignores them. Default `block`.
   */
  moderationPolicy?: ModerationPolicy;
}

/** What the image routes need besides: how to link to a stored file, and where to file one. */
export interface ImageRouteContext extends ImageContext {
  links: MediaLinks;
  /**
   * Files an image made by `POST /v1/image/generate/` where its owner can find, trash and delete
   * it (the gateway wires the gallery in: the image service knows nothing of it). Called once the
   * file is stored; when it throws, the file is removed again and the request fails, so no file is
   * left that nothing points to.
   */
  fileImage: (input: { image: StoredImage; prompt: string; principal: Principal }) => Promise<void>;
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
  /** Not safe for work: its prompt or its source was flagged, or the provider rated it so. Absent: not flagged. */
  nsfw?: boolean;
}

/** What the caller knows of how an image was asked for, written into the file with the rest (see parameters.ts). */
export interface RequestedParameters {
  /** What the user asked for, in their words. Default: the prompt (or instruction) the use case was given. */
  prompt?: string | undefined;
  refinedPrompt?: string | null | undefined;
  negativePrompt?: string | null | undefined;
  /** Default: the use case's own (generate, edit, enhance). */
  intent?: string | null | undefined;
}

/** Facts a caller may keep with the stored file (Cloudinary tags and context; disk ignores them). */
export interface StoreExtras {
  /** Written into the image file as XMP, with the provider, model, seed, size and Atelier version. */
  parameters?: RequestedParameters | undefined;
  tags?: string[];
  context?: Record<string, string>;
  /** Known to be nsfw already (its prompt's moderation, the image it changes): the result is too. */
  nsfw?: boolean | undefined;
}

/**
 * Called between making the image and storing it, so a caller can say it is now uploading.
 * Throwing stops the use case before anything is stored.
 */
export type OnGenerated = (image: GeneratedImage, tookMs: number) => Promise<void>;
