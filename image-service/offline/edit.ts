import sharp, { type Sharp } from 'sharp';
import type { EditRequest, GeneratedImage } from '../ports.js';
import { parseEditInstruction, type EditOperation } from './edit-instructions.js';
import { encode, MIME_TYPES, sourceSize } from './encode.js';

interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

type Matrix = [[number, number, number], [number, number, number], [number, number, number]];

const SEPIA: Matrix = [
  [0.393, 0.769, 0.189],
  [0.349, 0.686, 0.168],
  [0.272, 0.534, 0.131],
];
// Rec. 709 luma in every channel: grey that stays RGB, so later edits (warmer, sepia) still work.
const LUMA: [number, number, number] = [0.2126, 0.7152, 0.0722];
const GREY: Matrix = [LUMA, LUMA, LUMA];

/**
 * Apply an instruction to an image. Each operation runs on the result of the one before, in the
 * order the user wrote them (sharp alone would reorder a pipeline). Transparency is flattened
 * onto white: every format we write is shown on a page anyway, and JPEG has none.
 */
export async function editImage(
  request: EditRequest,
  identity: { provider: string; model: string },
): Promise<GeneratedImage> {
  const operations = parseEditInstruction(request.instruction);
  await sourceSize(request.source);
  let raster = await toRaster(sharp(request.source, { autoOrient: true }).flatten({ background: '#ffffff' }).toColourspace('srgb'));
  for (const operation of operations) {
    raster = await toRaster(apply(fromRaster(raster), operation, raster));
  }
  const data = await encode(fromRaster(raster), request.format);
  return {
    data,
    width: raster.width,
    height: raster.height,
    format: request.format,
    mimeType: MIME_TYPES[request.format],
    seed: request.seed,
    ...identity,
  };
}

function apply(image: Sharp, operation: EditOperation, { width, height }: Raster): Sharp {
  switch (operation.kind) {
    case 'grayscale':
      return image.recomb(GREY);
    case 'sepia':
      return image.recomb(SEPIA);
    case 'invert':
      return image.negate();
    case 'brightness':
      return image.modulate({ brightness: operation.factor });
    case 'temperature': {
      const s = operation.shift;
      return image.linear([1 + s, 1, 1 - s], [255 * s * 0.25, 0, -255 * s * 0.25]);
    }
    case 'saturation':
      return image.modulate({ saturation: operation.factor });
    case 'blur':
      // Scaled to the picture, so "blur" looks the same on a thumbnail and on a poster.
      return image.blur(Math.max(0.6, Math.min(width, height) * 0.006 * operation.strength));
    case 'sharpen':
      return image.sharpen({ sigma: 0.8 + 0.6 * operation.strength, m2: 2 + 2 * operation.strength });
    case 'rotate':
      return image.rotate(operation.degrees);
    case 'flip':
      return operation.direction === 'vertical' ? image.flip() : image.flop();
    case 'crop':
      return image.extract(centredCrop(width, height, operation.ratio));
  }
}

/** The largest centred region with the ratio. */
export function centredCrop(width: number, height: number, ratio: { width: number; height: number }) {
  const target = ratio.width / ratio.height;
  const cropWidth = Math.max(1, Math.min(width, Math.round(height * target)));
  const cropHeight = Math.max(1, Math.min(height, Math.round(width / target)));
  return {
    left: Math.floor((width - cropWidth) / 2),
    top: Math.floor((height - cropHeight) / 2),
    width: cropWidth,
    height: cropHeight,
  };
}

async function toRaster(image: Sharp): Promise<Raster> {
  const { data, info } = await image.removeAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function fromRaster(raster: Raster): Sharp {
  return sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } });
}
