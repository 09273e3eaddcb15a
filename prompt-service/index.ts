/** The prompt service's public face: everything other folders may use. */
export * from './engine.js';
export { createOfflinePromptEngine, type OfflinePromptEngineOptions } from './offline/engine.js';
export { refinePrompt, MAX_HISTORY_TURNS, type PromptContext } from './refine-prompt.js';
export { moderatePrompt, type ModeratePromptInput, type PromptVerdict } from './moderate-prompt.js';
export { registerRefinePrompt } from './routes/refine.js';
export { withRefinementCache, type RefinementCacheOptions } from './cache.js';
export { createGeminiPromptEngine, type GeminiPromptEngineOptions } from './gemini/engine.js';
export { titleFor } from './title-for.js';
export { MAX_TITLE_CHARS } from './offline/title.js';
