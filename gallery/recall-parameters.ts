import { readParameters, type ImageParameters } from '../image-service/index.js';
import { AppError } from '../shared/errors.js';

/**
 * The generation parameters written in an image file (image-service/parameters.ts), so a
 * downloaded image can be made again. Nothing is looked up: the answer is what the file says,
 * whoever made it, so it tells nothing of any gallery.
 * @throws `unsupported_media_type` when the bytes are not an image; `no_parameters` when it carries none of Atelier's.
 */
export async function recallParameters({ input }: { input: { image: Buffer } }): Promise<Partial<ImageParameters>> {
  let found: Partial<ImageParameters> | null;
  try {
    found = await readParameters(input.image);
  } catch (error) {
    throw new AppError('unsupported_media_type', 'the upload is not an image that can be read (PNG, JPEG, WebP, AVIF, GIF, TIFF)', { cause: error });
  }
  if (!found) {
    throw new AppError('no_parameters', 'the image carries no generation parameters: it was not made by Atelier, or they were removed (many sites strip metadata)');
  }
  return found;
}
