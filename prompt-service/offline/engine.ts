import { ValidationFailed } from '../../shared/errors.js';
import type { PromptEngine, RefineInput, Refinement } from '../engine.js';
import { analyse, type Analysis } from './analyse.js';
import { detectIntent, previousImage, type ChatReason, type IntentContext } from './intent.js';
import { buildImagePrompt, changeNegative } from './refine.js';
import { excerpt, REPLIES } from './replies.js';
import { extractChange, extractSubject } from './subject.js';
import { capAtWord, lowerFirstWord, stableHash } from './text.js';
import { INSPIRATIONS } from './vocabulary/filler.js';

export const OFFLINE_PROVIDER = 'offline';
export const OFFLINE_MODEL = 'atelier-offline-1';

export interface OfflinePromptEngineOptions {
  /** Longest refined prompt, in characters (cut at a word). Default 1000. */
  maxPromptLength?: number;
}

/**
 * The prompt engine that needs no key and no network: deterministic rules over a vocabulary in
 * English, Spanish, French, German, Portuguese and Italian. The same input always gives the
 * same refinement, which makes it what the tests (and a keyless install) run on.
 */
export function createOfflinePromptEngine(options: OfflinePromptEngineOptions = {}): PromptEngine {
  const maxLength = options.maxPromptLength ?? 1000;
  return {
    provider: OFFLINE_PROVIDER,
    model: OFFLINE_MODEL,
    refine: async (input) => refineOffline(input, maxLength),
  };
}

function refineOffline(input: RefineInput, maxLength: number): Refinement {
  if (input.prompt.trim() === '') {
    throw new ValidationFailed('prompt is empty', [
      { path: 'prompt', message: 'must not be empty or only whitespace' },
    ]);
  }
  const analysis = analyse(input.prompt);
  const context: IntentContext = {
    hasPreviousImage: input.context?.hasPreviousImage,
    history: input.context?.history ?? [],
  };
  const detected = detectIntent(analysis, context);
  const replies = REPLIES[analysis.language];
  const answer = (fields: Omit<Refinement, 'originalPrompt' | 'provider' | 'model'>): Refinement => ({
    originalPrompt: input.prompt,
    ...fields,
    provider: OFFLINE_PROVIDER,
    model: OFFLINE_MODEL,
  });
  const chat = (reason: ChatReason, confidence: number) =>
    answer({ refinedPrompt: '', intent: 'chat', confidence, negativePrompt: '', reply: replies.chat[reason] });

  switch (detected.intent) {
    case 'chat':
      return chat(detected.reason, detected.confidence);
    case 'edit':
    case 'enhance': {
      const change = capAtWord(extractChange(analysis), maxLength);
      const noImage = previousImage(context) === false;
      const reply =
        detected.intent === 'edit'
          ? noImage ? replies.editNoImage(excerpt(change)) : replies.edit(excerpt(change))
          : noImage ? replies.enhanceNoImage : replies.enhance;
      return answer({
        refinedPrompt: change,
        intent: detected.intent,
        confidence: detected.confidence,
        negativePrompt: changeNegative(detected.intent, analysis.norms),
        reply,
      });
    }
    case 'generate': {
      if (detected.repeatOf !== undefined) {
        const prompt = capAtWord(detected.repeatOf, maxLength);
        const negative = imagePrompt(analyse(prompt), prompt, maxLength).negative;
        return answer({
          refinedPrompt: prompt,
          intent: 'generate',
          confidence: detected.confidence,
          negativePrompt: negative,
          reply: replies.repeat(excerpt(prompt)),
        });
      }
      const subject = extractSubject(analysis);
      if (subject.text === '') return chat(analysis.hadUrl ? 'link' : 'empty-request', 0.7);
      if (subject.vague) {
        // Deterministic: the same words always get the same idea.
        const idea = INSPIRATIONS[stableHash(subject.norms.join(' ')) % INSPIRATIONS.length] ?? INSPIRATIONS[0];
        const built = imagePrompt(analyse(idea), idea, maxLength, analysis.norms);
        return answer({
          refinedPrompt: built.prompt,
          intent: 'generate',
          confidence: 0.6,
          negativePrompt: built.negative,
          reply: replies.inspiration(idea),
        });
      }
      const built = buildImagePrompt({
        subject: subject.text,
        subjectWords: subject.norms,
        messageWords: analysis.norms,
        maxLength,
      });
      return answer({
        refinedPrompt: built.prompt,
        intent: 'generate',
        confidence: detected.confidence,
        negativePrompt: built.negative,
        reply: replies.generate(excerpt(lowerFirstWord(subject.text))),
      });
    }
  }
}

/** A prompt built from a subject of the engine's own (an idea, an earlier prompt). */
function imagePrompt(subject: Analysis, text: string, maxLength: number, extraWords: readonly string[] = []) {
  return buildImagePrompt({
    subject: text,
    subjectWords: subject.norms,
    messageWords: [...subject.norms, ...extraWords],
    maxLength,
  });
}
