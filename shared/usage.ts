/** What a provider reported one call used, where it reports it (the offline engines report nothing). */
export interface ProviderUsage {
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
}

/**
 * What a model costs, in US dollars: per image made, and per million input (prompt) and output
 * tokens. A missing figure is 0. The default table is in usage/prices.ts; PRICE_TABLE overrides it
 * model by model (docs/usage.md).
 */
export interface ModelPrice {
  perImage?: number;
  perMillionInputTokens?: number;
  perMillionOutputTokens?: number;
}

/** Prices by model name. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;
