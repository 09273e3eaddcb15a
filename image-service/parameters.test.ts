import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ATELIER_XMP_NAMESPACE, embedParameters, parametersToXmp, parseParameters, readParameters, type ImageParameters } from './parameters.js';

const parameters: ImageParameters = {
  prompt: 'a "sunset" <over> the sea & hills\nsecond line',
  refinedPrompt: 'A warm sunset over the sea, golden light',
  negativePrompt: 'blurry, text',
  intent: 'generate',
  provider: 'offline',
  model: 'atelier-renderer-1',
  seed: 2_147_483_647,
  width: 96,
  height: 64,
  atelierVersion: '0.1.0',
};

const base = (channels: 3 | 4) => sharp({ create: { width: 96, height: 64, channels, background: { r: 200, g: 80, b: 40, alpha: 0.5 } } });

// Every container we write, simple and extended, with and without alpha.
const images: [string, () => Promise<Buffer>][] = [
  ['png', () => base(3).png().toBuffer()],
  ['png with alpha', () => base(4).png().toBuffer()],
  ['jpeg', () => base(3).jpeg({ quality: 90 }).toBuffer()],
  ['jpeg with exif', () => base(3).jpeg().withMetadata({ orientation: 6 }).toBuffer()],
  ['webp lossy', () => base(3).webp({ quality: 90 }).toBuffer()],
  ['webp lossy with alpha (extended)', () => base(4).webp({ quality: 90 }).toBuffer()],
  ['webp lossless with alpha', () => base(4).webp({ lossless: true }).toBuffer()],
];

describe('parameters in the image file', () => {
  it.each(images)('%s: written as XMP, read back whole, pixels untouched', async (_, make) => {
    const image = await make();
    const embedded = embedParameters(image, parameters);
    expect(embedded.byteLength).toBeGreaterThan(image.byteLength);
    expect(await readParameters(embedded)).toEqual(parameters);
    const [before, after] = await Promise.all([sharp(image).raw().toBuffer(), sharp(embedded).raw().toBuffer()]);
    expect(after.equals(before)).toBe(true);
    expect(await sharp(embedded).metadata()).toMatchObject({ width: 96, height: 64 });
    // Written again (an edit of an image that carried some): replaced, never doubled.
    const again = embedParameters(embedded, { ...parameters, seed: 1 });
    expect(again.toString('latin1').split('<x:xmpmeta').length).toBe(2);
    expect(await readParameters(again)).toMatchObject({ seed: 1 });
  });

  it('finds nothing in an image without them, nor in XMP of another tool', async () => {
    expect(await readParameters(await base(3).png().toBuffer())).toBeNull();
    const foreign = await base(3).png().withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/png"/></rdf:RDF></x:xmpmeta>').toBuffer();
    expect(await readParameters(foreign)).toBeNull();
  });

  it('leaves bytes it cannot parse as they were, and a non-image is refused by the reader', async () => {
    const junk = Buffer.from('not an image at all');
    expect(embedParameters(junk, parameters)).toBe(junk);
    const truncated = (await base(3).png().toBuffer()).subarray(0, 40);
    expect(embedParameters(truncated, parameters)).toBe(truncated);
    await expect(readParameters(junk)).rejects.toThrow();
  });

  it('reads a packet that binds the namespace to another prefix', () => {
    const xmp = parametersToXmp(parameters).replaceAll('atelier:', 'a1:').replace('xmlns:atelier=', 'xmlns:a1=');
    expect(parseParameters(xmp)).toEqual(parameters);
    // The element form another tool may rewrite it to.
    const elements = `<rdf:Description xmlns:a1="${ATELIER_XMP_NAMESPACE}"><a1:seed>7</a1:seed><a1:prompt>a &amp; b</a1:prompt></rdf:Description>`;
    expect(parseParameters(elements)).toEqual({ seed: 7, prompt: 'a & b' });
    expect(parseParameters('<a1:seed>7</a1:seed>')).toBeNull();
  });
});
