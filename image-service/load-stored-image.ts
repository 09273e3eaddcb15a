import type { StoredImage } from './context.js';
import type { ImageStorage } from './ports.js';

/**
 * The bytes of a stored image, for an edit or an enhance of it. A missing file is `NotFound`
 * (from the storage), so the caller can tell the user the earlier image is gone.
 */
export function loadStoredImage(storage: ImageStorage, image: Pick<StoredImage, 'storageKey' | 'url'>): Promise<Buffer> {
  return storage.get({ key: image.storageKey, url: image.url });
}
