import type { ImageGenerator } from '../ports.js';
import { editImage } from './edit.js';
import { enhanceImage } from './enhance.js';
import { renderPrompt } from './generate.js';

export const OFFLINE_PROVIDER = 'offline';
export const OFFLINE_MODEL = 'atelier-renderer-1';

/**
 * The offline renderer: real pictures with no key and no network. `generate` draws the prompt's
 * scene (palette and shapes follow its words; same prompt and seed, same bytes) with the caption
 * on a band; `edit` applies the operations it reads in the instruction; `enhance` upscales 2×
 * (longest side at most 4096) and sharpens.
 */
export function createOfflineRenderer(): ImageGenerator {
  const identity = { provider: OFFLINE_PROVIDER, model: OFFLINE_MODEL };
  return {
    ...identity,
    generate: (request) => renderPrompt(request, identity),
    edit: (request) => editImage(request, identity),
    // Enhancing draws nothing at random, so there is no seed to report.
    enhance: async (request) => ({ ...(await enhanceImage(request, identity)), seed: 0 }),
  };
}
