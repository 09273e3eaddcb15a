import { z } from 'zod';
import { INTENTS } from '../engine.js';

/**
 * What the model must answer, as one JSON object. The same schema is sent as the response schema
 * and checks the reply before it is used: structured output makes a valid reply likely, not certain.
 * Intent comes first so the model decides it before writing the rest.
 */
export const GeminiReply = z
  .object({
    intent: z.enum(INTENTS).describe('What the user wants: generate, edit, enhance or chat.'),
    confidence: z.number().min(0).max(1).describe('How sure you are of the intent, from 0 to 1.'),
    refined_prompt: z
      .string()
      .describe('generate: the full image prompt; edit: the change to make; enhance: what to improve; chat: empty.'),
    negative_prompt: z.string().describe('What the image should avoid; empty for chat.'),
    reply: z.string().describe("The answer for the user, in the user's language."),
  })
  .superRefine((reply, ctx) => {
    if (reply.intent === 'chat' && reply.reply.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['reply'], message: 'a chat reply must say something' });
    }
    if (reply.intent !== 'chat' && reply.refined_prompt.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['refined_prompt'], message: `a ${reply.intent} needs a prompt` });
    }
  });
export type GeminiReply = z.infer<typeof GeminiReply>;

/** {@link GeminiReply} as JSON Schema for `responseJsonSchema` (no `$schema`: Gemini reads a subset). */
export const GEMINI_REPLY_JSON_SCHEMA: Record<string, unknown> = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(GeminiReply, { io: 'output' }) as Record<string, unknown>;
  return schema;
})();
