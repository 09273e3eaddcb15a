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
}

/**
 * Links for this process: a file on our disk is served at `{publicUrl}/media/{key}`, built on
 * each read, so a row written by a worker never holds another process's address; any other
 * storage's URL is its own.
 */
export function createMediaLinks(options: { publicUrl: string }): MediaLinks {
  const base = `${options.publicUrl}/media/`;
  return {
    urlOf: (image) => (image.storage === 'disk' && image.storageKey !== null ? base + image.storageKey : (image.url ?? '')),
  };
}
