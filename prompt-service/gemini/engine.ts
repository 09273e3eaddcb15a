import { GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import { ProviderError, ValidationFailed } from '../../shared/errors.js';
import type { PromptEngine, RefineInput, Refinement } from '../engine.js';
import { callGemini, GEMINI_PROVIDER, refusalOf } from '../../shared/providers/gemini.js';
import { safetyOf } from '../../shared/providers/gemini-safety.js';
import { buildContents, SYSTEM_INSTRUCTION } from './instructions.js';
import { GEMINI_REPLY_JSON_SCHEMA, GeminiReply } from './reply.js';

export interface GeminiPromptEngineOptions {
  apiKey: string;
  /** Another endpoint than Google's (a proxy, or the test fake). */
  baseUrl?: string;
  /** e.g. gemini-2.5-flash (the config's GEMINI_TEXT_MODEL default). */
  model: string;
  /** How long one call may take before it fails as `temporary` (PROVIDER_TIMEOUT_MS, default 60000). */
  timeoutMs: number;
}

/**
 * The prompt engine backed by Gemini: ONE generateContent call with structured JSON output both
 * refines the prompt and detects the intent, with the session's recent turns as context, so that
 * "make it bluer" after an image reads as an edit. The reply is validated before use; a refusal is
 * `safety_blocked`, an unusable reply `invalid_response`, HTTP and network failures are classified
 * by status (shared/providers/gemini.ts). Safety ratings of an answered prompt go with the
 * refinement (`safety`), for `moderatePrompt` to judge. Output tokens in `usage` include thinking tokens: they are billed.
 */
export function createGeminiPromptEngine(options: GeminiPromptEngineOptions): PromptEngine {
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { timeout: options.timeoutMs, ...(options.baseUrl && { baseUrl: options.baseUrl }) },
  });
  const { model, timeoutMs } = options;

  return {
    provider: GEMINI_PROVIDER,
    model,
    async refine(input) {
      if (input.prompt.trim() === '') {
        throw new ValidationFailed('prompt is empty', [{ path: 'prompt', message: 'must not be empty or only whitespace' }]);
      }
      const response = await callGemini(timeoutMs, (httpOptions) =>
        ai.models.generateContent({
          model,
          contents: buildContents(input),
          config: {
            httpOptions,
            systemInstruction: SYSTEM_INSTRUCTION,
            responseMimeType: 'application/json',
            responseJsonSchema: GEMINI_REPLY_JSON_SCHEMA,
          },
        }),
      );
      return toRefinement(input, readReply(response), response, model);
    },
  };
}

/** The validated reply; every way it can be unusable is a ProviderError, never a crash. */
function readReply(response: GenerateContentResponse): GeminiReply {
  const refusal = refusalOf(response);
  if (refusal) throw new ProviderError(GEMINI_PROVIDER, 'safety_blocked', refusal);
  const candidate = response.candidates?.[0];
  const text = (candidate?.content?.parts ?? [])
    .filter((part) => typeof part.text === 'string' && !part.thought)
    .map((part) => part.text)
    .join('')
    .trim();
  if (text === '') {
    const why = candidate ? `finish reason ${candidate.finishReason ?? 'none'}` : 'no candidate';
    throw new ProviderError(GEMINI_PROVIDER, 'invalid_response', `empty reply (${why})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ProviderError(GEMINI_PROVIDER, 'invalid_response', `the reply is not JSON: ${excerpt(text)}`, { cause: error });
  }
  const parsed = GeminiReply.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`).join('; ');
    throw new ProviderError(GEMINI_PROVIDER, 'invalid_response', `the reply does not fit the schema (${problems})`, { cause: parsed.error });
  }
  return parsed.data;
}

function toRefinement(input: RefineInput, reply: GeminiReply, response: GenerateContentResponse, model: string): Refinement {
  const chat = reply.intent === 'chat';
  const note = reply.reply.trim();
  const usage = response.usageMetadata;
  const outputTokens =
    usage && (usage.candidatesTokenCount !== undefined || usage.thoughtsTokenCount !== undefined)
      ? (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0)
      : undefined;
  const safety = safetyOf(response);
  return {
    originalPrompt: input.prompt,
    refinedPrompt: chat ? '' : reply.refined_prompt.trim(),
    intent: reply.intent,
    confidence: reply.confidence,
    negativePrompt: chat ? '' : reply.negative_prompt.trim(),
    reply: note === '' ? null : note,
    provider: GEMINI_PROVIDER,
    model,
    ...(usage && { usage: { inputTokens: usage.promptTokenCount, outputTokens } }),
    ...(safety && { safety }),
  };
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}
