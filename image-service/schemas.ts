import { z } from '@hono/zod-openapi';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import { IMAGE_FORMATS, MAX_SIDE, MIN_SIDE } from './ports.js';
import { sizeProblems } from './size.js';

/** Wire schemas of the image service (snake_case). The mapping to code names happens at the route. */

/** Seeds are 31-bit so every client language holds one in a plain int. */
export const MAX_SEED = 2 ** 31 - 1;

const side = (name: string) => {
  const message = `${name} must be a whole number from ${MIN_SIDE} to ${MAX_SIDE}`;
  return z
    .number({ message })
    .int({ message })
    .min(MIN_SIDE, { message })
    .max(MAX_SIDE, { message })
    .optional()
    .openapi({ description: `Pixels, ${MIN_SIDE}–${MAX_SIDE}. Default 1024, or derived from the other side and aspect_ratio.` });
};

const seedMessage = `seed must be a whole number from 0 to ${MAX_SEED}`;

/** The fields of {@link ImageOptions}, also spread into request bodies that carry them at the top. */
export const imageOptionFields = {
  width: side('width'),
  height: side('height'),
  aspect_ratio: z
    .string({ message: 'aspect_ratio must be a string such as "16:9"' })
    .max(16)
    .optional()
    .openapi({ description: '"W:H", e.g. "16:9". With one side given derives the other; alone, the long side is 1024.', example: '16:9' }),
  seed: z
    .number({ message: seedMessage })
    .int({ message: seedMessage })
    .min(0, { message: seedMessage })
    .max(MAX_SEED, { message: seedMessage })
    .optional()
    .openapi({ description: 'Same prompt and seed, same image. Default: random.' }),
  format: z.enum(IMAGE_FORMATS, { message: `format must be one of ${IMAGE_FORMATS.join(', ')}` }).optional(),
};

/** The size rules of size.ts, as zod issues on the same fields, so a route reports them like any other. */
export function checkSize(value: { width?: number | undefined; height?: number | undefined; aspect_ratio?: string | undefined }, ctx: z.RefinementCtx): void {
  const problems = sizeProblems({ width: value.width, height: value.height, aspectRatio: value.aspect_ratio });
  for (const problem of problems) ctx.addIssue({ code: 'custom', path: [problem.path ?? ''], message: problem.message });
}

/**
 * What a client may ask of an image: size (or a ratio), seed and format. Used by this service's
 * route and by the chat API's `options`; unknown fields are refused so a typo (`aspectRatio`)
 * is not silently ignored.
 */
export const ImageOptions = z
  .strictObject(imageOptionFields)
  .superRefine(checkSize)
  .openapi('ImageOptions', { example: { width: 1024, aspect_ratio: '16:9', seed: 7, format: 'png' } });
export type ImageOptions = z.infer<typeof ImageOptions>;

export const GenerateImageBody = z
  .strictObject({
    prompt: z
      .string({ message: 'prompt must be a string' })
      .trim()
      .min(1, { message: 'prompt must not be empty' })
      .max(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
      .openapi({ example: 'a sunset over the ocean' }),
    ...imageOptionFields,
    format: imageOptionFields.format.default('png'),
  })
  .superRefine(checkSize)
  // One side and a ratio (or both sides, or neither): the size rules refuse the three together.
  .openapi('GenerateImageRequest', { example: { prompt: 'a sunset over the ocean', width: 1024, aspect_ratio: '16:9', seed: 7, format: 'png' } });

export const GeneratedImageBody = z
  .object({
    id: z.uuid().openapi({ description: 'The image\'s id in the caller\'s gallery (`/v1/gallery/{id}/`)', example: '019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e' }),
    url: z.string().openapi({
      description: 'The stored file. Served by Atelier: signed and expiring (`MEDIA_URL_TTL_S`); on Cloudinary: its signed delivery URL',
      example: 'http://localhost:9999/media/users/019a0c4e-0000-7000-8000-000000000001/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png?expires=1767225600&signature=…',
    }),
    width: z.number().int(),
    height: z.number().int(),
    format: z.enum(IMAGE_FORMATS),
    bytes: z.number().int(),
    provider: z.string().openapi({ example: 'offline' }),
    model: z.string().openapi({ example: 'atelier-renderer-1' }),
    seed: z.number().int(),
    is_nsfw: z.boolean().openapi({ description: 'Flagged by moderation (the prompt check, the image model\'s safety ratings); filed so in the gallery.' }),
  })
  .openapi('GeneratedImage');
