import { z } from '@hono/zod-openapi';

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
/** One provider call's usage on the wire: a message's `usage` and its gallery image's alike. */
export const ProviderUsageWire = z
  .object({
    stage: z.string(),
    provider: z.string(),
    model: z.string(),
    input_tokens: z.number().int().nullable(),
    output_tokens: z.number().int().nullable(),
    images: z.number().int().nullable(),
  })
  .openapi('ProviderUsage');
export type ProviderUsageWire = z.infer<typeof ProviderUsageWire>;

/** A stage's usage as the wire writes it. */
export function toUsageWire(usage: ProviderUsage & { stage: string; provider: string; model: string }): ProviderUsageWire {
  return {
    stage: usage.stage,
    provider: usage.provider,
    model: usage.model,
    input_tokens: usage.inputTokens ?? null,
    output_tokens: usage.outputTokens ?? null,
    images: usage.images ?? null,
  };
}
