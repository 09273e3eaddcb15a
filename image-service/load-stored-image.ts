import type { ImageStorage, StoredFile } from './ports.js';

/**
 * The bytes of a stored image, for an edit or an enhance of it. A missing file is `NotFound`
 * (from the storage), so the caller can tell the user the earlier image is gone.
 */
export function loadStoredImage(storage: ImageStorage, file: Pick<StoredFile, 'key' | 'url'>): Promise<Buffer> {
  return storage.get(file);
}
