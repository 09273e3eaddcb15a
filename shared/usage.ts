/** What a provider reported one call used, where it reports it (the offline engines report nothing). */
export interface ProviderUsage {
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
}
