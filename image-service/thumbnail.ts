import sharp from 'sharp';

/**
 * Thumbnails of the images Atelier keeps on its own disk: a 256×256 WebP, cropped to fill (the
 * same box as Cloudinary's `c_fill,h_256,w_256`, so a grid looks alike on either storage), made
 * once when the image is stored and kept beside it.
 */
export const THUMBNAIL_SIDE = 256;

const THUMBNAIL_SUFFIX = '.thumb.webp';

/** `users/u/{id}.png` → `users/u/{id}.thumb.webp`: one thumbnail per stored file, found from its key alone. */
export function thumbnailKeyOf(storageKey: string): string {
  const slash = storageKey.lastIndexOf('/');
  const dot = storageKey.lastIndexOf('.');
  const stem = dot > slash ? storageKey.slice(0, dot) : storageKey;
  return stem + THUMBNAIL_SUFFIX;
}

/** Whether a key names a thumbnail, not an image (the media route makes a missing one on request). */
export function isThumbnailKey(key: string): boolean {
  return key.endsWith(THUMBNAIL_SUFFIX);
}

/** The keys an image's file may have, for a thumbnail's key (the disk storage's extensions). */
export function imageKeysOf(thumbnailKey: string): string[] {
  const stem = thumbnailKey.slice(0, -THUMBNAIL_SUFFIX.length);
  return ['png', 'jpg', 'webp'].map((extension) => `${stem}.${extension}`);
}

/**
 * A small WebP of the image: upright (EXIF orientation applied), cropped to a square from its
 * centre, no metadata (the parameters stay in the full image). A few KB for any source size.
 */
export function makeThumbnail(image: Buffer): Promise<Buffer> {
  return sharp(image)
    .autoOrient()
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'cover', position: 'centre' })
    .webp({ quality: 75 })
    .toBuffer();
}
