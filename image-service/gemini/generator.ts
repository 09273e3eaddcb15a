import { GoogleGenAI, Modality, type GenerateContentResponse, type Part } from '@google/genai';
import sharp from 'sharp';
import { ProviderError } from '../../shared/errors.js';
import { formatOf, MIME_TYPES } from '../format.js';
import { encode, sourceSize } from '../offline/encode.js';
import { MAX_ENHANCED_SIDE } from '../offline/enhance.js';
import type { GeneratedImage, ImageFormat, ImageGenerator } from '../ports.js';
import { nearestAspectRatio, requestedAspectRatio } from './aspect.js';
import { callGemini, GEMINI_PROVIDER, refusalOf } from '../../shared/providers/gemini.js';
import { safetyOf } from '../../shared/providers/gemini-safety.js';
import { editText, enhanceText, generateText } from './prompts.js';

export interface GeminiImageGeneratorOptions {
  apiKey: string;
  /** Another endpoint than Google's (a proxy, or the test fake). */
  baseUrl?: string;
  /** e.g. gemini-2.5-flash-image (the config's GEMINI_IMAGE_MODEL default). */
  model: string;
  /** How long one call may take before it fails as `temporary` (PROVIDER_TIMEOUT_MS, default 60000). */
  timeoutMs: number;
}

interface Source {
  part: Part;
  width: number;
  height: number;
}

/**
 * The image generator backed by a Gemini image model. Each call is one generateContent with the
 * image modality and the nearest supported aspect ratio; `edit` and `enhance` send the source as
 * an inline image. Whatever size and format the model returns, the result is converted to what was
 * asked: the requested size for `generate` (cover), the source's size for `edit`, 2× the source
 * (longest side at most 4096) for `enhance`, always in the requested format. Failures are
 * ProviderErrors (shared/providers/gemini.ts); a reply without an image is `invalid_response`.
 */
export function createGeminiImageGenerator(options: GeminiImageGeneratorOptions): ImageGenerator {
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { timeout: options.timeoutMs, ...(options.baseUrl && { baseUrl: options.baseUrl }) },
  });
  const { model, timeoutMs } = options;

  const call = (parts: Part[], aspectRatio: string, seed?: number) =>
    callGemini(timeoutMs, (httpOptions) =>
      ai.models.generateContent({
        model,
        contents: [{ role: 'user', parts }],
        config: {
          httpOptions,
          // TEXT too: when the model declines to draw, its words say why.
          responseModalities: [Modality.TEXT, Modality.IMAGE],
          imageConfig: { aspectRatio },
          ...(seed !== undefined && { seed }),
        },
      }),
    );

  const finish = async (
    response: GenerateContentResponse,
    size: { width: number; height: number },
    format: ImageFormat,
    seed: number,
  ): Promise<GeneratedImage> => {
    const safety = safetyOf(response);
    return {
      data: await convert(imageOf(response), size, format),
      ...size,
      format,
      mimeType: MIME_TYPES[format],
      seed,
      provider: GEMINI_PROVIDER,
      model,
      usage: usageOf(response),
      // The image candidate's ratings: the image service's moderation decides what they lead to.
      ...(safety && { safety }),
    };
  };

  return {
    provider: GEMINI_PROVIDER,
    model,
    async generate(request) {
      const response = await call([{ text: generateText(request) }], requestedAspectRatio(request), request.seed);
      return finish(response, { width: request.width, height: request.height }, request.format, request.seed);
    },
    async edit(request) {
      const source = await readSource(request.source);
      const response = await call([{ text: editText(request.instruction) }, source.part], nearestAspectRatio(source.width, source.height), request.seed);
      return finish(response, source, request.format, request.seed);
    },
    async enhance(request) {
      const source = await readSource(request.source);
      const response = await call([{ text: enhanceText(request.instruction) }, source.part], nearestAspectRatio(source.width, source.height));
      const scale = Math.min(2, MAX_ENHANCED_SIDE / Math.max(source.width, source.height));
      const size = { width: Math.max(1, Math.round(source.width * scale)), height: Math.max(1, Math.round(source.height * scale)) };
      // No seed goes in, so none comes out (as with the offline renderer).
      return finish(response, size, request.format, 0);
    },
  };
}

/**
 * The source as an inline image part with its real mime type; a format Atelier does not write is
 * sent as PNG. An unreadable source is `invalid_request` before anything is sent.
 */
async function readSource(data: Buffer): Promise<Source> {
  const { width, height } = await sourceSize(data);
  const format = await formatOf(data);
  const [bytes, mimeType] = format
    ? [data, MIME_TYPES[format]]
    : [await sharp(data, { autoOrient: true }).png().toBuffer(), MIME_TYPES.png];
  return { part: { inlineData: { mimeType, data: bytes.toString('base64') } }, width, height };
}

/** The first inline image of the first candidate; a refusal or a reply without one is a ProviderError. */
function imageOf(response: GenerateContentResponse): Buffer {
  const refusal = refusalOf(response);
  if (refusal) throw new ProviderError(GEMINI_PROVIDER, 'safety_blocked', refusal);
  const candidate = response.candidates?.[0];
  const parts = candidate?.content?.parts ?? [];
  const image = parts.find((part) => part.inlineData?.data && part.inlineData.mimeType?.startsWith('image/'));
  if (image?.inlineData?.data) return Buffer.from(image.inlineData.data, 'base64');
  const said = parts
    .filter((part) => typeof part.text === 'string' && !part.thought)
    .map((part) => part.text)
    .join(' ')
    .trim();
  const why = candidate ? `finish reason ${candidate.finishReason ?? 'none'}` : 'no candidate';
  const quote = said === '' ? '' : `; the model said: ${JSON.stringify(said.length > 300 ? `${said.slice(0, 300)}…` : said)}`;
  throw new ProviderError(GEMINI_PROVIDER, 'invalid_response', `no image in the reply (${why})${quote}`);
}

/** Exactly the size and format asked for, flattened onto white like the offline renderer's images. */
async function convert(data: Buffer, size: { width: number; height: number }, format: ImageFormat): Promise<Buffer> {
  try {
    const image = sharp(data, { autoOrient: true }).flatten({ background: '#ffffff' }).resize({ ...size, fit: 'cover' });
    return await encode(image, format);
  } catch (error) {
    throw new ProviderError(GEMINI_PROVIDER, 'invalid_response', 'the image in the reply is not readable', { cause: error });
  }
}

/** Output tokens include thinking tokens: they are billed as output. */
function usageOf(response: GenerateContentResponse): GeneratedImage['usage'] {
  const usage = response.usageMetadata;
  const output = usage && (usage.candidatesTokenCount !== undefined || usage.thoughtsTokenCount !== undefined)
    ? (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0)
    : undefined;
  return { inputTokens: usage?.promptTokenCount, outputTokens: output, images: 1 };
}
