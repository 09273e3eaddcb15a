import { createRoute } from '@hono/zod-openapi';
import { errorResponses, type App } from '../../shared/http.js';
import type { RefineInput, Refinement } from '../engine.js';
import { refinePrompt, type PromptContext } from '../refine-prompt.js';
import { RefineRequest, RefineResponse } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/prompt/refine',
  operationId: 'refinePrompt',
  tags: ['prompt'],
  summary: 'Refine a prompt and detect its intent',
  description:
    'Turns what a user typed into a prompt an image model does well with, and says whether they want a new ' +
    'image, a change to the last one, an enhancement, or just to talk.',
  request: { body: { required: true, content: { 'application/json': { schema: RefineRequest } } } },
  responses: {
    200: { description: 'The refinement', content: { 'application/json': { schema: RefineResponse } } },
    400: errorResponses[400],
    413: errorResponses[413],
    415: errorResponses[415],
    422: { ...errorResponses[422], description: 'The provider blocked the prompt for safety (`safety_blocked`); rephrase it' },
    429: errorResponses[429],
    502: errorResponses[502],
    503: errorResponses[503],
  },
});

/** `POST /v1/prompt/refine` (also with a trailing slash). */
export function registerRefinePrompt(app: App, ctx: PromptContext): void {
  app.openapi(route, async (c) => {
    const refinement = await refinePrompt({ ctx, input: toInput(c.req.valid('json')) });
    return c.json(toWire(refinement), 200);
  });
}

function toInput(body: RefineRequest): RefineInput {
  const context = body.context;
  if (!context) return { prompt: body.prompt };
  return {
    prompt: body.prompt,
    context: {
      ...(context.has_previous_image !== undefined && { hasPreviousImage: context.has_previous_image }),
      ...(context.history && {
        history: context.history.map((turn) => ({
          content: turn.content,
          intent: turn.intent ?? null,
          refinedPrompt: turn.refined_prompt ?? null,
          hasImage: turn.has_image ?? false,
        })),
      }),
    },
  };
}

function toWire(refinement: Refinement): RefineResponse {
  return {
    original_prompt: refinement.originalPrompt,
    refined_prompt: refinement.refinedPrompt,
    intent: refinement.intent,
    confidence: refinement.confidence,
    negative_prompt: refinement.negativePrompt,
    reply: refinement.reply,
    provider: refinement.provider,
    model: refinement.model,
  };
}
