import { z } from '@hono/zod-openapi';
import { INTENTS } from './engine.js';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import { MAX_HISTORY_TURNS } from './refine-prompt.js';

/** Wire schemas of the prompt service: snake_case here, camelCase in code (mapped in the route). */

export const PromptHistoryTurn = z
  .object({
    content: z.string().max(MAX_PROMPT_CHARS).openapi({ example: 'a lighthouse at sunset' }),
    intent: z.enum(INTENTS).nullish(),
    refined_prompt: z.string().nullish(),
    has_image: z.boolean().optional().openapi({ description: 'Whether that turn ended with an image. Default false.' }),
  })
  .openapi('PromptHistoryTurn');

export const RefineRequest = z
  .object({
    prompt: z
      .string()
      .trim()
      .min(1, 'must not be empty or only whitespace')
      .max(MAX_PROMPT_CHARS)
      .openapi({ example: 'Please create a sunset landscape' }),
    context: z
      .object({
        history: z
          .array(PromptHistoryTurn)
          .max(MAX_HISTORY_TURNS)
          .optional()
          .openapi({ description: `Earlier turns of the conversation, oldest first (at most ${MAX_HISTORY_TURNS}).` }),
        has_previous_image: z
          .boolean()
          .optional()
          .openapi({ description: 'Whether an earlier image exists for `edit` / `enhance` to work on.' }),
      })
      .optional(),
  })
  .openapi('RefineRequest');
export type RefineRequest = z.infer<typeof RefineRequest>;

export const RefineResponse = z
  .object({
    original_prompt: z.string(),
    refined_prompt: z.string().openapi({
      description: 'The prompt for the image model; for `edit` / `enhance` the change to make; empty for `chat`.',
    }),
    intent: z.enum(INTENTS),
    confidence: z.number().min(0).max(1),
    negative_prompt: z.string(),
    reply: z
      .string()
      .nullable()
      .openapi({ description: 'The answer for `chat`; a short note of what will be made otherwise.' }),
    provider: z.string().openapi({ example: 'offline' }),
    model: z.string().openapi({ example: 'atelier-offline-1' }),
  })
  .openapi('RefineResponse');
export type RefineResponse = z.infer<typeof RefineResponse>;
