import type { GenerateContentResponse, SafetyRating } from '@google/genai';
import type { ProviderSafety } from '../moderation.js';

/**
 * Gemini's safety ratings of an answer that was NOT refused (a refusal is `refusalOf`'s, in
 * gemini.ts): the prompt's (`promptFeedback.safetyRatings`) and the first candidate's
 * (`candidates[0].safetyRatings`). Recent models leave blocking off by default and still rate,
 * so a HIGH can come with an answer. Every harm category counts: MEDIUM flags, HIGH is severe.
 * Undefined when Gemini sent no ratings.
 */
export function safetyOf(response: GenerateContentResponse): ProviderSafety | undefined {
  const ratings: SafetyRating[] = [
    ...(response.promptFeedback?.safetyRatings ?? []),
    ...(response.candidates?.[0]?.safetyRatings ?? []),
  ];
  if (ratings.length === 0) return undefined;
  const counted = ratings.filter((rating) => rating.probability === 'MEDIUM' || rating.probability === 'HIGH');
  return {
    flagged: counted.length > 0,
    severe: counted.some((rating) => rating.probability === 'HIGH'),
    ratings: [...new Set(counted.map((rating) => `${rating.category ?? 'HARM_CATEGORY_UNSPECIFIED'}:${rating.probability}`))],
  };
}
