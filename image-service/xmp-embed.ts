import { crc32 } from 'node:zlib';

/**
 * An XMP packet written into an image's container without decoding it: a PNG `iTXt` chunk
 * (`XML:com.adobe.xmp`), a JPEG APP1 segment (`http://ns.adobe.com/xap/1.0/`), or a WebP `XMP `
 * chunk (the file made extended, `VP8X`, when it was simple). The places XMP's own specification
 * (part 3) and WebP's container specification name, so every XMP reader finds it. An XMP packet
 * already there is replaced. Returns undefined for bytes it cannot parse as one of the three.
 */
export function embedXmp(image: Buffer, xmp: string): Buffer | undefined {
  const packet = Buffer.from(xmp, 'utf8');
  try {
    if (isPng(image)) return embedInPng(image, packet);
    if (isJpeg(image)) return embedInJpeg(image, packet);
    if (isWebp(image)) return embedInWebp(image, packet);
  } catch (error) {
    if (error instanceof RangeError || error instanceof Malformed) return undefined;
    throw error;
  }
  return undefined;
}

class Malformed extends Error {}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp';
const JPEG_XMP_HEADER = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');

const isPng = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE);
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isWebp = (b: Buffer) => b.length > 20 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';

/** PNG: the chunks as they are, an old XMP `iTXt` left out, ours right after `IHDR` (before the image data, where readers that stop early still see it). */
function embedInPng(image: Buffer, packet: Buffer): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  let offset = 8;
  while (offset < image.length) {
    const length = image.readUInt32BE(offset);
    const type = image.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > image.length) throw new Malformed();
    const isOldXmp = type === 'iTXt' && image.toString('latin1', offset + 8, offset + 8 + PNG_XMP_KEYWORD.length + 1) === `${PNG_XMP_KEYWORD}\0`;
    if (!isOldXmp) parts.push(image.subarray(offset, end));
    if (type === 'IHDR') parts.push(pngChunk('iTXt', Buffer.concat([Buffer.from(`${PNG_XMP_KEYWORD}\0\0\0\0\0`, 'latin1'), packet])));
    offset = end;
    if (type === 'IEND') break;
  }
  if (parts.length < 3) throw new Malformed();
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** JPEG: after SOI and a JFIF APP0 (which must come first), an APP1 with the packet; an old XMP APP1 before the scan is left out. */
function embedInJpeg(image: Buffer, packet: Buffer): Buffer {
  const segmentLength = 2 + JPEG_XMP_HEADER.length + packet.length;
  if (segmentLength > 0xffff) throw new Malformed(); // one segment holds at most 64 KB
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(segmentLength, 2);
  const ours = Buffer.concat([app1, JPEG_XMP_HEADER, packet]);

  const head: Buffer[] = [image.subarray(0, 2)];
  let offset = 2;
  let placed = false;
  while (offset + 4 <= image.length) {
    if (image[offset] !== 0xff) throw new Malformed();
    const marker = image[offset + 1]!;
    if (marker === 0xda) break; // start of scan: the rest is copied as it is
    const length = image.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (end > image.length) throw new Malformed();
    const segment = image.subarray(offset, end);
    if (!placed && marker !== 0xe0) {
      head.push(ours);
      placed = true;
    }
    const isOldXmp = marker === 0xe1 && segment.subarray(4, 4 + JPEG_XMP_HEADER.length).equals(JPEG_XMP_HEADER);
    if (!isOldXmp) head.push(segment);
    offset = end;
  }
  if (!placed) throw new Malformed();
  return Buffer.concat([...head, image.subarray(offset)]);
}

const VP8X_XMP = 0x04;
const VP8X_ALPHA = 0x10;

/** WebP: made extended (`VP8X`, with the XMP flag) when it was simple; an old `XMP ` chunk left out; ours last, as the container specification orders it. */
function embedInWebp(image: Buffer, packet: Buffer): Buffer {
  const chunks: { fourcc: string; data: Buffer }[] = [];
  let offset = 12;
  const riffEnd = Math.min(image.length, 8 + image.readUInt32LE(4));
  while (offset + 8 <= riffEnd) {
    const fourcc = image.toString('latin1', offset, offset + 4);
    const size = image.readUInt32LE(offset + 4);
    const end = offset + 8 + size;
    if (end > riffEnd) throw new Malformed();
    chunks.push({ fourcc, data: image.subarray(offset + 8, end) });
    offset = end + (size % 2);
  }
  const first = chunks[0];
  if (!first) throw new Malformed();
  let header: Buffer;
  if (first.fourcc === 'VP8X') {
    header = Buffer.from(first.data);
    header[0] = header[0]! | VP8X_XMP;
    chunks.shift();
  } else if (first.fourcc === 'VP8 ' || first.fourcc === 'VP8L') {
    const { width, height, alpha } = first.fourcc === 'VP8L' ? vp8lInfo(first.data) : vp8Info(first.data);
    header = Buffer.alloc(10);
    header[0] = VP8X_XMP | (alpha ? VP8X_ALPHA : 0);
    header.writeUIntLE(width - 1, 4, 3);
    header.writeUIntLE(height - 1, 7, 3);
  } else {
    throw new Malformed();
  }
  const kept = chunks.filter((chunk) => chunk.fourcc !== 'XMP ');
  const body = Buffer.concat([
    riffChunk('VP8X', header),
    ...kept.map((chunk) => riffChunk(chunk.fourcc, chunk.data)),
    riffChunk('XMP ', packet),
  ]);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + body.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, body]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat(data.length % 2 === 1 ? [head, data, Buffer.alloc(1)] : [head, data]);
}

/** A lossless bitstream: signature 0x2f, then 14 bits width − 1, 14 bits height − 1, 1 bit alpha. */
function vp8lInfo(data: Buffer): { width: number; height: number; alpha: boolean } {
  if (data[0] !== 0x2f) throw new Malformed();
  const bits = data.readUInt32LE(1);
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 };
}

/** A lossy key frame: 3 bytes of frame tag, the start code 9d 01 2a, then 14-bit width and height. */
function vp8Info(data: Buffer): { width: number; height: number; alpha: boolean } {
  if (data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) throw new Malformed();
  return { width: data.readUInt16LE(6) & 0x3fff, height: data.readUInt16LE(8) & 0x3fff, alpha: false };
}
