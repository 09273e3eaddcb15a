import { createRoute } from '@hono/zod-openapi';
import { moderatePrompt } from '../../prompt-service/index.js';
import { errorResponses, type App } from '../../shared/http.js';
import type { ImageRouteContext } from '../context.js';
import { generateImage } from '../generate-image.js';
import { GenerateImageBody, GeneratedImageBody } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/image/generate',
  operationId: 'generateImage',
  tags: ['image'],
  summary: 'Make an image from a prompt and store it',
  description:
    'Size: width and height 64–2048 (default 1024×1024); aspect_ratio derives a missing side. ' +
    'The same prompt and seed give the same image. The image is filed in the caller\'s gallery under `id` ' +
    '(`GET /v1/gallery/{id}/`), where it can be trashed and deleted; `url` and `Location` are the stored file ' +
    '(signed and expiring when Atelier serves it: read the image again for a fresh URL).',
  request: { body: { content: { 'application/json': { schema: GenerateImageBody } }, required: true } },
  responses: {
    201: {
      description: 'The stored image',
      headers: { Location: { description: 'The stored file (the same signed URL as `url`)', required: true, schema: { type: 'string' } } },
      content: { 'application/json': { schema: GeneratedImageBody } },
    },
    400: errorResponses[400],
    413: errorResponses[413],
    415: errorResponses[415],
    422: {
      ...errorResponses[422],
      description: 'Moderation (MODERATION_POLICY=block) or the provider refused the prompt or the image (`safety_blocked`); rephrase it',
    },
    429: errorResponses[429],
    502: errorResponses[502],
    503: errorResponses[503],
  },
});

/**
 * `POST /v1/image/generate/`: the image service on its own, with no conversation around it. The
 * image is filed (ctx.fileImage) before it is answered; if filing fails the file goes again.
 */
export function registerGenerateImage(app: App, ctx: ImageRouteContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    // Checked before anything is made: a refused prompt is 422 safety_blocked, a flagged one nsfw.
    const verdict = await moderatePrompt({ ctx: { moderationPolicy: ctx.moderationPolicy ?? 'block' }, input: { prompt: body.prompt } });
    const image = await generateImage({
      ctx,
      input: {
        userId: c.get('userId'),
        prompt: body.prompt,
        format: body.format,
        width: body.width,
        height: body.height,
        aspectRatio: body.aspect_ratio,
        seed: body.seed,
        nsfw: verdict.nsfw,
      },
    });
    try {
      await ctx.fileImage({ image, prompt: body.prompt, principal: c.get('principal') });
    } catch (error) {
      // Best effort: the filing's own error is the one to report.
      await ctx.storage.remove(image.storageKey).catch(() => undefined);
      throw error;
    }
    const url = ctx.links.urlOf(image);
    c.header('Location', url);
    return c.json(
      {
        id: image.id,
        url,
        width: image.width,
        height: image.height,
        format: image.format,
        bytes: image.bytes,
        provider: image.provider,
        model: image.model,
        seed: image.seed,
        is_nsfw: image.nsfw === true,
      },
      201,
    );
  });
}
