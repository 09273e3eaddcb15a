import sharp from 'sharp';
import type { GenerateRequest, GeneratedImage } from '../ports.js';
import { composeScene } from './compose.js';
import { encode, MIME_TYPES } from './encode.js';
import { createRandom } from './random.js';
import { describeScene } from './scene.js';

/** Render a prompt: read its scene, draw it as SVG, rasterise it at exactly the asked size. */
export async function renderPrompt(
  request: GenerateRequest,
  identity: { provider: string; model: string },
): Promise<GeneratedImage> {
  const { width, height, seed, format } = request;
  const scene = describeScene(request.prompt, request.negativePrompt);
  const svg = composeScene({
    scene,
    width,
    height,
    rng: createRandom(request.prompt, seed),
    caption: request.caption ?? request.prompt,
  });
  // density 72 makes one SVG unit one pixel, so the raster is exactly width × height.
  let image = sharp(Buffer.from(svg), { density: 72 }).removeAlpha();
  if (scene.monochrome) image = image.grayscale().toColourspace('srgb');
  const data = await encode(image, format);
  return { data, width, height, format, mimeType: MIME_TYPES[format], seed, ...identity };
}
