import sharp from 'sharp';
import type { ImageFormat } from './ports.js';

export const MIME_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** What an encoded image is, among the formats Atelier writes; undefined for anything else. */
export async function formatOf(data: Buffer): Promise<ImageFormat | undefined> {
  const { format } = await sharp(data).metadata();
  return format === 'png' || format === 'jpeg' || format === 'webp' ? format : undefined;
}
