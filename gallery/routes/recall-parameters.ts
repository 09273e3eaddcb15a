import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, ValidationFailed } from '../../shared/errors.js';
import { errorResponses, type App, type AppEnv } from '../../shared/http.js';
import { recallParameters } from '../recall-parameters.js';

/** The route's path: its body is an image, not JSON (the gateway's JSON check leaves it alone). */
export const RECALL_PATH = '/v1/gallery/recall';

/** The largest upload read: far above any image Atelier writes (a 4096² PNG), small enough to hold in memory. */
export const RECALL_MAX_BYTES = 20 * 1024 * 1024;

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/avif', 'image/gif', 'image/tiff', 'application/octet-stream'];
const binary = z.string().openapi({ format: 'binary' });

export const RecalledParameters = z
  .object({
    prompt: z.string().nullable().openapi({ description: 'What the user asked for, in their words.' }),
    refined_prompt: z.string().nullable(),
    negative_prompt: z.string().nullable(),
    intent: z.string().nullable().openapi({ description: 'generate, edit or enhance.' }),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    seed: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    atelier_version: z.string().nullable().openapi({ description: 'The Atelier version that made the image.' }),
  })
  .openapi('RecalledParameters');

const route = createRoute({
  method: 'post',
  path: RECALL_PATH,
  operationId: 'recallImageParameters',
  tags: ['gallery'],
  summary: 'The generation parameters written in an image file',
  description:
    'Every image Atelier stores carries how it was made as XMP (prompt, refined and negative prompt, intent, provider, ' +
    'model, seed, size, Atelier version). Upload one (multipart `file`, or the image itself as the body) to read them ' +
    `back, e.g. to make it again with the same seed. At most ${RECALL_MAX_BYTES / 1024 / 1024} MB. Nothing is looked up or stored.`,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: z.object({ file: binary }) },
        ...Object.fromEntries(IMAGE_TYPES.map((type) => [type, { schema: binary }])),
      },
    },
  },
  responses: {
    200: { description: 'What the file says', content: { 'application/json': { schema: RecalledParameters } } },
    400: { ...errorResponses[400], description: 'No `file` in the form (`validation_failed`), or an image without Atelier\'s parameters (`no_parameters`)' },
    413: { ...errorResponses[413], description: `The upload is larger than ${RECALL_MAX_BYTES} bytes` },
    415: { ...errorResponses[415], description: 'Not an image upload: another content type, or bytes that are not an image' },
  },
});

/**
 * `POST /v1/gallery/recall/`. Documented through the registry and served by a plain handler: the
 * body is read here, once, under {@link RECALL_MAX_BYTES} (judged from `Content-Length` before a
 * byte is read, counted as it streams otherwise).
 */
export function registerRecallParameters(app: App): void {
  app.openAPIRegistry.registerPath(route);
  const limit = bodyLimit({
    maxSize: RECALL_MAX_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `the upload is larger than ${RECALL_MAX_BYTES} bytes`);
    },
  });
  app.post(RECALL_PATH, limit, async (c) => {
    const found = await recallParameters({ input: { image: await uploadOf(c) } });
    return c.json(
      {
        prompt: found.prompt ?? null,
        refined_prompt: found.refinedPrompt ?? null,
        negative_prompt: found.negativePrompt ?? null,
        intent: found.intent ?? null,
        provider: found.provider ?? null,
        model: found.model ?? null,
        seed: found.seed ?? null,
        width: found.width ?? null,
        height: found.height ?? null,
        atelier_version: found.atelierVersion ?? null,
      } satisfies z.infer<typeof RecalledParameters>,
      200,
    );
  });
}

/** The uploaded bytes: the form's `file`, or the body itself when it is sent as an image. */
async function uploadOf(c: Context<AppEnv>): Promise<Buffer> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody().catch(() => {
      throw new ValidationFailed('the body is not a readable multipart form', [{ path: 'body', message: 'not a readable multipart form' }]);
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw new ValidationFailed('the form must hold the image as its `file` field', [{ path: 'body.file', message: 'expected a file' }]);
    }
    return Buffer.from(await file.arrayBuffer());
  }
  if (IMAGE_TYPES.includes(type)) return Buffer.from(await c.req.arrayBuffer());
  throw new AppError('unsupported_media_type', `upload the image as multipart/form-data (field "file") or as the body with an image content type, not "${type || 'unset'}"`);
}
