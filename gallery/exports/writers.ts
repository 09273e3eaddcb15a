import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import type { ExportFormat, GalleryImageRow } from '../schema.js';

/**
 * The export's file, written to `out` one image at a time: each image's bytes are read, turned
 * into what the export asks for and written before the next is read, so memory holds one image
 * (and the streams' buffers) whatever the number of images. `out` is waited on when it is full.
 */

/**
 * One image of the export: its row (null when it left the gallery since the export was asked
 * for) and its stored bytes (null when there are none to read any more).
 */
export interface ExportItem {
  id: string;
  row: GalleryImageRow | null;
  data: Buffer | null;
}

export interface WriteExportOptions {
  format: ExportFormat;
  /** Longest side, px, at most (images are shrunk to it, never enlarged); null: each image's own size. */
  size: number | null;
  /** 1..100; null: the encoder's default ({@link DEFAULT_QUALITY}). */
  quality: number | null;
  total: number;
  /** Told after each image, written or skipped. */
  onImage: () => Promise<void>;
}

export const DEFAULT_QUALITY = 85;

type ImageFormat = 'png' | 'jpeg' | 'webp';
const SHARP_FORMAT: Record<'png' | 'jpg' | 'webp', ImageFormat> = { png: 'png', jpg: 'jpeg', webp: 'webp' };
const EXTENSION: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** The file's extension: a single image is that image; several converted images come as a zip. */
export function exportExtension(format: ExportFormat, total: number): string {
  if (format === 'pdf' || format === 'zip') return format;
  return total === 1 ? format : 'zip';
}

export async function writeExport(out: Writable, items: AsyncIterable<ExportItem>, options: WriteExportOptions): Promise<void> {
  if (options.format === 'pdf') return writePdf(out, items, options);
  if (options.format !== 'zip' && options.total === 1) return writeSingle(out, items, options, SHARP_FORMAT[options.format]);
  return writeZip(out, items, options);
}

async function writeSingle(out: Writable, items: AsyncIterable<ExportItem>, options: WriteExportOptions, format: ImageFormat): Promise<void> {
  for await (const item of items) {
    if (!item.data) throw new ExportFileGone(item.id);
    await write(out, await convert(item.data, format, options));
    await options.onImage();
  }
  out.end();
  await finished(out);
}

/** A zip: the images (converted, or in their own format) and `metadata.json`. Images are stored, not deflated: they are compressed already. */
async function writeZip(out: Writable, items: AsyncIterable<ExportItem>, options: WriteExportOptions): Promise<void> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const written = finished(out);
  archive.pipe(out);
  const digits = String(options.total).length;
  const metadata: Array<Record<string, unknown>> = [];
  let index = 0;
  for await (const { id, row, data } of items) {
    index += 1;
    if (!row || !data) {
      metadata.push({ ...(row ? describe(row) : { id }), file: null, missing: true });
    } else {
      const own = ownFormat(row.format);
      const format = options.format === 'zip' || options.format === 'pdf' ? own : SHARP_FORMAT[options.format];
      // The original bytes as they are, unless a size, a quality or another format is asked for.
      const bytes = format === own && options.size === null && options.quality === null ? data : await convert(data, format, options);
      const name = `${String(index).padStart(digits, '0')}-${row.id}.${EXTENSION[format]}`;
      const added = once(archive, 'entry');
      archive.append(bytes, { name, store: true, date: row.createdAt });
      await added;
      await drained(out);
      metadata.push({ ...describe(row), file: name });
    }
    await options.onImage();
  }
  archive.append(JSON.stringify({ images: metadata }, null, 2), { name: 'metadata.json' });
  await archive.finalize();
  await written;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const CAPTION_HEIGHT = 110;

/** A PDF, one A4 page an image: the picture fitted above, its prompt (and refined prompt) under it. */
async function writePdf(out: Writable, items: AsyncIterable<ExportItem>, options: WriteExportOptions): Promise<void> {
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: MARGIN, info: { Title: 'Atelier export', Producer: 'Atelier' } });
  const written = finished(out);
  doc.pipe(out);
  const boxWidth = A4.width - 2 * MARGIN;
  const boxHeight = A4.height - 2 * MARGIN - CAPTION_HEIGHT - 12;
  for await (const { row, data } of items) {
    // An image deleted since the export was asked for has no page; one whose file is gone keeps its prompt.
    if (!row) {
      await options.onImage();
      continue;
    }
    doc.addPage();
    doc.font('Helvetica').fontSize(11);
    if (data) {
      // JPEG goes into the PDF as it is (no decoding in JS): the picture is converted once, by sharp.
      const picture = await convert(data, 'jpeg', options);
      doc.image(picture, MARGIN, MARGIN, { fit: [boxWidth, boxHeight], align: 'center', valign: 'center' });
    } else {
      doc.text('(this image\'s file is gone)', MARGIN, MARGIN, { width: boxWidth });
    }
    const caption = row.refinedPrompt && row.refinedPrompt !== row.prompt ? `${row.prompt}\n\n${row.refinedPrompt}` : row.prompt;
    // Bounded, so a long prompt is cut with an ellipsis rather than spilling onto a page of its own.
    doc.text(printable(caption), MARGIN, MARGIN + boxHeight + 12, { width: boxWidth, height: CAPTION_HEIGHT, ellipsis: true });
    await drained(out);
    await options.onImage();
  }
  doc.end();
  await written;
}

/** The facts `metadata.json` keeps of each image. */
function describe(row: GalleryImageRow): Record<string, unknown> {
  return {
    id: row.id,
    prompt: row.prompt,
    refined_prompt: row.refinedPrompt,
    model: row.model,
    provider: row.provider,
    seed: row.seed,
    width: row.width,
    height: row.height,
    format: row.format,
    session_id: row.sessionId,
    created_at: row.createdAt.toISOString(),
  };
}

async function convert(data: Buffer, format: ImageFormat, options: Pick<WriteExportOptions, 'size' | 'quality'>): Promise<Buffer> {
  let image = sharp(data);
  // Never enlarged: a size is a bound (enlarging a thumbnail to 8192 px would only cost CPU and bytes).
  if (options.size !== null) image = image.resize({ width: options.size, height: options.size, fit: 'inside', withoutEnlargement: true });
  const quality = options.quality ?? DEFAULT_QUALITY;
  if (format === 'jpeg') return image.flatten({ background: '#ffffff' }).jpeg({ quality }).toBuffer();
  if (format === 'webp') return image.webp({ quality }).toBuffer();
  return image.png().toBuffer();
}

function ownFormat(format: string): ImageFormat {
  if (format === 'jpeg' || format === 'jpg') return 'jpeg';
  if (format === 'webp') return 'webp';
  return 'png';
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * The PDF's standard font (Helvetica) covers Latin-1: other characters are shown as "?" rather
 * than as garbage. (Embedding a Unicode font is a later improvement.)
 */
function printable(text: string): string {
  return text.replace(/[^\n\x20-\x7e\xa0-\xff]/gu, '?');
}

/** The one image of a single-image export has lost its file since the export was asked for. */
export class ExportFileGone extends Error {
  constructor(readonly imageId: string) {
    super(`the file of image ${imageId} is gone`);
  }
}
