import sharp, { type Sharp } from 'sharp';
import { AppError } from '../../shared/errors.js';
import type { ImageFormat } from '../ports.js';

export { MIME_TYPES } from '../format.js';

/**
 * Encode to the asked format. sharp writes no metadata unless told to, so nothing varies between
 * two runs (no timestamps, no tool versions), and the same pixels always give the same bytes.
 */
export function encode(image: Sharp, format: ImageFormat): Promise<Buffer> {
  switch (format) {
    case 'png':
      return image.png({ compressionLevel: 6 }).toBuffer();
    case 'jpeg':
      return image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer();
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer();
  }
}

/** The upright size of a source image; `invalid_request` when it is not an image at all. */
export async function sourceSize(data: Buffer): Promise<{ width: number; height: number }> {
  try {
    const { autoOrient } = await sharp(data).metadata();
    return autoOrient;
  } catch (error) {
    throw new AppError('invalid_request', 'the source is not a readable image', { cause: error });
  }
}
