import sharp from 'sharp';
import { embedXmp } from './xmp-embed.js';

/**
 * What made an image, written into the image file itself as XMP, so a downloaded image still says
 * how to make it again (`POST /v1/gallery/recall/` reads it back). XMP because one packet fits
 * all three formats we write (PNG iTXt, JPEG APP1, WebP `XMP ` chunk), and exiftool, Photoshop
 * and sharp all read it. No image id nor time: the same parameters give the same bytes, as the
 * offline renderer promises.
 */
export interface ImageParameters {
  /** What the user asked for, in their words. */
  prompt: string;
  refinedPrompt?: string | null | undefined;
  negativePrompt?: string | null | undefined;
  /** generate | edit | enhance. */
  intent?: string | null | undefined;
  provider: string;
  model: string;
  seed: number;
  width: number;
  height: number;
  /** The Atelier version that made it. */
  atelierVersion: string;
}

/** The XMP namespace of Atelier's fields (`atelier:prompt`, `atelier:seed`…). */
export const ATELIER_XMP_NAMESPACE = 'https://github.com/atelier/ns/parameters/1.0/';

/** Each field: its XMP property name and its kind (numbers are written as text, as XMP has it). */
const FIELDS = {
  prompt: ['prompt', 'text'],
  refinedPrompt: ['refinedPrompt', 'text'],
  negativePrompt: ['negativePrompt', 'text'],
  intent: ['intent', 'text'],
  provider: ['provider', 'text'],
  model: ['model', 'text'],
  seed: ['seed', 'number'],
  width: ['width', 'number'],
  height: ['height', 'number'],
  atelierVersion: ['version', 'text'],
} as const satisfies Record<keyof ImageParameters, readonly [string, 'text' | 'number']>;

/** The parameters as an XMP packet: one `rdf:Description` with an attribute per field given. */
export function parametersToXmp(parameters: ImageParameters): string {
  const attributes = Object.entries(FIELDS)
    .map(([field, [name]]) => {
      const value = parameters[field as keyof ImageParameters];
      return value === undefined || value === null || value === '' ? '' : `\n   atelier:${name}="${escapeXml(String(value))}"`;
    })
    .join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '  <rdf:Description rdf:about=""\n' +
    '   xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n' +
    `   xmlns:atelier="${ATELIER_XMP_NAMESPACE}"\n` +
    `   xmp:CreatorTool="Atelier ${escapeXml(parameters.atelierVersion)}"${attributes}/>\n` +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  );
}

/**
 * The image with its parameters written in, pixels untouched: the XMP goes into the file's own
 * container (no re-encoding, so no second lossy pass and no time spent compressing again). Any
 * XMP the image carried is replaced. Bytes that are not a PNG, JPEG or WebP we can parse come back
 * as they were: the parameters are a convenience, never a reason to lose an image.
 */
export function embedParameters(image: Buffer, parameters: ImageParameters): Buffer {
  return embedXmp(image, parametersToXmp(parameters)) ?? image;
}

/**
 * The parameters written in an image by {@link embedParameters}: null when it carries none of
 * ours (no XMP, or XMP without Atelier's fields). Throws when the bytes are not an image sharp reads.
 */
export async function readParameters(image: Buffer): Promise<Partial<ImageParameters> | null> {
  const { xmp } = await sharp(image).metadata();
  if (!xmp) return null;
  return parseParameters(xmp.toString('utf8'));
}

/** Atelier's fields of an XMP packet, as attributes (`atelier:seed="7"`) or elements (`<atelier:seed>7</atelier:seed>`). */
export function parseParameters(xmp: string): Partial<ImageParameters> | null {
  const prefix = prefixOf(xmp);
  if (!prefix) return null;
  const found: Partial<Record<keyof ImageParameters, string | number>> = {};
  for (const [field, [name, kind]] of Object.entries(FIELDS)) {
    const attribute = new RegExp(`\\b${prefix}:${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
    const element = new RegExp(`<${prefix}:${name}>([^<]*)</${prefix}:${name}>`).exec(xmp);
    const raw = attribute ? (attribute[1] ?? attribute[2]) : element?.[1];
    if (raw === undefined) continue;
    const text = unescapeXml(raw);
    if (kind === 'number') {
      const value = Number(text);
      if (Number.isSafeInteger(value)) found[field as keyof ImageParameters] = value;
    } else {
      found[field as keyof ImageParameters] = text;
    }
  }
  return Object.keys(found).length === 0 ? null : (found as Partial<ImageParameters>);
}

/** The prefix the packet binds to our namespace (`atelier` when we wrote it; another tool may rename it). */
function prefixOf(xmp: string): string | undefined {
  const escaped = ATELIER_XMP_NAMESPACE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escaped}["']`).exec(xmp)?.[1];
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"'\u0000-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unescapeXml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (_, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return safeChar(Number(decimal));
    if (hex !== undefined) return safeChar(Number.parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
  });
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
