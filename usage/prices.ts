import type { ModelPrice, PriceTable } from '../shared/usage.js';

/**
 * The default prices, in US dollars, of the models Atelier uses out of the box (Google's list
 * prices for the Gemini API's paid tier when this was written; an operator with other terms sets
 * PRICE_TABLE). Gemini bills an image as output tokens (1290 for a 1024×1024 image at $30 per
 * million, about $0.039), so the image model is priced by tokens, not per image. The offline
 * engines cost nothing.
 */
export const DEFAULT_PRICES: PriceTable = {
  'gemini-2.5-flash': { perMillionInputTokens: 0.3, perMillionOutputTokens: 2.5 },
  'gemini-2.5-flash-image': { perMillionInputTokens: 0.3, perMillionOutputTokens: 30 },
  'gemini-2.5-flash-image-preview': { perMillionInputTokens: 0.3, perMillionOutputTokens: 30 },
  offline: {},
};

/** The defaults with the operator's table over them, model by model (an operator's entry replaces the default's whole). */
export function priceTable(overrides: PriceTable | undefined): PriceTable {
  return { ...DEFAULT_PRICES, ...overrides };
}

export interface Consumption {
  images: number;
  inputTokens: number;
  outputTokens: number;
}

/** What `used` costs at `price`, in US dollars. */
export function costOf(price: ModelPrice, used: Consumption): number {
  return (
    used.images * (price.perImage ?? 0) +
    (used.inputTokens / 1_000_000) * (price.perMillionInputTokens ?? 0) +
    (used.outputTokens / 1_000_000) * (price.perMillionOutputTokens ?? 0)
  );
}

/** The price of a model: by its name, else an offline engine's (free); undefined when the table does not know it. */
export function priceOf(prices: PriceTable, provider: string, model: string): ModelPrice | undefined {
  return prices[model] ?? (provider === 'offline' || provider === '' ? {} : undefined);
}

/**
 * What a list of provider calls cost, in US dollars (a gallery image's `cost`); null when one of
 * them used a model the table has no price for (a guess would look like a fact).
 */
export function estimateCost(
  calls: ReadonlyArray<{ provider: string; model: string; images?: number | undefined; inputTokens?: number | undefined; outputTokens?: number | undefined }>,
  prices: PriceTable,
): number | null {
  let total = 0;
  for (const call of calls) {
    const price = priceOf(prices, call.provider, call.model);
    if (price === undefined) return null;
    total += costOf(price, { images: call.images ?? 0, inputTokens: call.inputTokens ?? 0, outputTokens: call.outputTokens ?? 0 });
  }
  return total;
}
