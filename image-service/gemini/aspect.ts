import { parseAspectRatio } from '../size.js';

/** The aspect ratios Gemini's image models accept in `imageConfig.aspectRatio`. */
export const GEMINI_ASPECT_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;
export type GeminiAspectRatio = (typeof GEMINI_ASPECT_RATIOS)[number];

/**
 * The supported ratio nearest to `width:height`. Distance is taken on a log scale, so 2:1 and 1:2
 * are equally far from 1:1; a tie goes to the ratio listed first.
 */
export function nearestAspectRatio(width: number, height: number): GeminiAspectRatio {
  const wanted = Math.log(width / height);
  let best: GeminiAspectRatio = '1:1';
  let bestDistance = Infinity;
  for (const ratio of GEMINI_ASPECT_RATIOS) {
    const { width: w, height: h } = parseAspectRatio(ratio)!;
    const distance = Math.abs(Math.log(w / h) - wanted);
    if (distance < bestDistance - 1e-9) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

/** The ratio to ask for: the request's own "W:H" when it gives a readable one, else that of its size. */
export function requestedAspectRatio(request: { width: number; height: number; aspectRatio?: string }): GeminiAspectRatio {
  const asked = request.aspectRatio === undefined ? undefined : parseAspectRatio(request.aspectRatio);
  return asked ? nearestAspectRatio(asked.width, asked.height) : nearestAspectRatio(request.width, request.height);
}
