import { createRoute } from '@hono/zod-openapi';
import { moderatePrompt } from '../../prompt-service/index.js';
import { errorResponses, type App } from '../../shared/http.js';
import type { GalleryContext } from '../context.js';
import { saveImage } from '../save-image.js';
import { CreateImageBody, GalleryImage, toImageWire } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/gallery',
  operationId: 'createGalleryImage',
  tags: ['gallery'],
  summary: 'File an image that lives at a URL of its own (storage "external")',
  request: { body: { required: true, content: { 'application/json': { schema: CreateImageBody } } } },
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: GalleryImage } } },
    200: {
      description: 'The `message_id` has an image already; that one is returned, unchanged',
      content: { 'application/json': { schema: GalleryImage } },
    },
    400: errorResponses[400],
    409: errorResponses[409],
    413: errorResponses[413],
    415: errorResponses[415],
    503: errorResponses[503],
  },
});

export function registerCreateImage(app: App, ctx: GalleryContext): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    // A client may mark its record nsfw, never unmark it: moderation's flag on the prompt stands,
    // and is only a mark here (the image was not made here, so there is nothing to refuse).
    const policy = ctx.moderationPolicy ?? 'block';
    const checked = await moderatePrompt({ ctx: { moderationPolicy: policy === 'off' ? 'off' : 'flag' }, input: { prompt: body.prompt } });
    const { image, created } = await saveImage({
      ctx,
      input: {
        userId: c.get('userId'),
        sessionId: body.session_id,
        messageId: body.message_id,
        prompt: body.prompt,
        refinedPrompt: body.refined_prompt,
        negativePrompt: body.negative_prompt,
        intent: body.intent,
        provider: body.provider,
        model: body.model,
        seed: body.seed,
        width: body.width,
        height: body.height,
        format: body.format,
        bytes: body.bytes,
        url: body.url,
        storage: 'external',
        storageKey: null,
        isNsfw: body.is_nsfw === true || checked.nsfw,
        metadata: body.metadata,
      },
    });
    return c.json(toImageWire(image, ctx), created ? 201 : 200);
  });
}
