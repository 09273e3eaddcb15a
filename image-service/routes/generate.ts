import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { ImageRouteContext } from '../context.js';
import { generateImage } from '../generate-image.js';
import { GenerateImageBody, GeneratedImageBody } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/image/generate',
  tags: ['image'],
  summary: 'Make an image from a prompt and store it',
  description:
    'Size: width and height 64–2048 (default 1024×1024); aspect_ratio derives a missing side. ' +
    'The same prompt and seed give the same image. `Location` is the stored file.',
  request: { body: { content: { 'application/json': { schema: GenerateImageBody } }, required: true } },
  responses: {
    201: {
      description: 'The stored image',
      headers: { Location: { description: 'The stored file (the same as `url`)', required: true, schema: { type: 'string' } } },
      content: { 'application/json': { schema: GeneratedImageBody } },
    },
    400: errorResponses[400],
    413: errorResponses[413],
    415: errorResponses[415],
    422: { ...errorResponses[422], description: 'The provider blocked the prompt or the image for safety (`safety_blocked`); rephrase it' },
    429: errorResponses[429],
    502: errorResponses[502],
    503: errorResponses[503],
  },
});

/** `POST /v1/image/generate/`: the image service on its own, with no conversation around it. */
export function registerGenerateImage(app: App, ctx: ImageRouteContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
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
      },
    });
    const url = ctx.links.urlOf(image);
    c.header('Location', url);
    return c.json(
      {
        url,
        width: image.width,
        height: image.height,
        format: image.format,
        bytes: image.bytes,
        provider: image.provider,
        model: image.model,
        seed: image.seed,
      },
      201,
    );
  });
}
