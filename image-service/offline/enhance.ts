import sharp from 'sharp';
import type { EnhanceRequest, GeneratedImage } from '../ports.js';
import { encode, MIME_TYPES, sourceSize } from './encode.js';

/** The longest side an enhanced image may have: 2× of the largest generated (2048) image. */
export const MAX_ENHANCED_SIDE = 4096;

/**
 * Upscale 2× with lanczos3 and sharpen. When 2× would pass {@link MAX_ENHANCED_SIDE} the scale is
 * lowered so the longest side is exactly that (an image already larger comes back at that size).
 * The instruction is not read: the offline renderer has one way to enhance.
 */
export async function enhanceImage(
  request: EnhanceRequest,
  identity: { provider: string; model: string },
): Promise<Omit<GeneratedImage, 'seed'>> {
  const { width, height } = await sourceSize(request.source);
  const scale = Math.min(2, MAX_ENHANCED_SIDE / Math.max(width, height));
  const target = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  const image = sharp(request.source, { autoOrient: true })
    .flatten({ background: '#ffffff' })
    .resize({ ...target, fit: 'fill', kernel: 'lanczos3' })
    .sharpen({ sigma: 1, m1: 1, m2: 3 });
  const data = await encode(image, request.format);
  return { data, ...target, format: request.format, mimeType: MIME_TYPES[request.format], ...identity };
}
