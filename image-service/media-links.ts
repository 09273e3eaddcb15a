import type { MediaSigner } from './media-signer.js';
import { thumbnailKeyOf } from './thumbnail.js';

/** Where a stored image's file is: our disk storage, Cloudinary, or somewhere we only link to. */
export const STORAGE_KINDS = ['disk', 'cloudinary', 'external'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** What a link is built from: the stored reference, never a URL fixed when the file was written. */
export interface ImageRef {
  storage: StorageKind;
  storageKey: string | null;
  /** The storage's own URL (Cloudinary, an external image); ignored for disk. */
  url: string | null;
}

/** Turns stored image references into the URLs clients fetch, at the moment they are read. */
export interface MediaLinks {
  urlOf(image: ImageRef): string;
  /**
   * Its thumbnail's URL: on disk, the signed URL of `{id}.thumb.webp` beside the file (made when
   * stored; made on first request for an older image); elsewhere the storage's own (Cloudinary's
   * `c_fill,h_256,w_256`), or null (an external image).
   */
  thumbnailOf(image: ImageRef & { thumbnailUrl: string | null }): string | null;
}

/** The path the gateway serves a disk file at; what a media URL's signature covers. */
export function mediaPath(storageKey: string): string {
  return `/media/${storageKey}`;
}

/**
 * Links for this process: a file on our disk is served at `{publicUrl}/media/{key}`, signed and
 * expiring (see MediaSigner), built on each read, so a row written by a worker never holds
 * another process's address nor a URL that has run out; any other storage's URL is its own
 * (Cloudinary's are signed by Cloudinary's rules: see storage/cloudinary.ts).
 */
export function createMediaLinks(options: { publicUrl: string; signer: MediaSigner }): MediaLinks {
  const signed = (key: string) => options.publicUrl + options.signer.sign(mediaPath(key));
  return {
    urlOf: (image) => (image.storage === 'disk' && image.storageKey !== null ? signed(image.storageKey) : (image.url ?? '')),
    thumbnailOf: (image) =>
      image.storage === 'disk' && image.storageKey !== null ? signed(thumbnailKeyOf(image.storageKey)) : image.thumbnailUrl,
  };
}
