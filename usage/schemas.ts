import { z } from '@hono/zod-openapi';
import { ValidationFailed } from '../shared/errors.js';
import { GROUP_BYS, type GroupBy, type UsageFigures, type UsageQuery, type UsageReport } from './get-usage.js';

/** The longest range one report covers: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;
/** Without `from`: the 30 days up to `to`. */
const DEFAULT_RANGE_DAYS = 30;

const DAY_MS = 24 * 3600 * 1000;

export const UsageQueryParams = z.object({
  from: z.iso.date({ message: 'from must be a date, YYYY-MM-DD' }).optional().openapi({ description: 'First UTC day counted (default: 29 days before `to`)', example: '2025-01-01' }),
  to: z.iso.date({ message: 'to must be a date, YYYY-MM-DD' }).optional().openapi({ description: 'Last UTC day counted, included (default: today)', example: '2025-01-31' }),
  group_by: z.enum(GROUP_BYS, { message: `group_by must be one of ${GROUP_BYS.join(', ')}` }).optional().openapi({ description: 'Default `day`' }),
});

/** The query with its defaults, checked: `from` not after `to`, at most {@link MAX_RANGE_DAYS} days. */
export function usageQueryOf(params: z.infer<typeof UsageQueryParams>, now = new Date()): UsageQuery {
  const to = params.to ?? now.toISOString().slice(0, 10);
  const from = params.from ?? new Date(Date.parse(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw new ValidationFailed('query.from: must not be after to', [{ path: 'query.from', message: 'must not be after to' }]);
  if (days > MAX_RANGE_DAYS) {
    throw new ValidationFailed(`query.from: the range may cover at most ${MAX_RANGE_DAYS} days`, [
      { path: 'query.from', message: `the range may cover at most ${MAX_RANGE_DAYS} days` },
    ]);
  }
  return { from, to, groupBy: (params.group_by ?? 'day') as GroupBy };
}

const Figures = z.object({
  made: z.number().int().openapi({ description: 'Images made by messages that ended DONE: one per message, n for a message of `options.n` variations' }),
  failed: z.number().int().openapi({ description: 'Messages that ended FAILED' }),
  cancelled: z.number().int().openapi({ description: 'Messages that ended CANCELLED' }),
  images: z.number().int().openapi({ description: 'Images the providers reported making (what a per-image price applies to)' }),
  input_tokens: z.number().int().openapi({ description: 'Prompt tokens the providers reported' }),
  output_tokens: z.number().int(),
  cost: z.number().openapi({ description: 'Estimated, in US dollars, at the current price table (docs/usage.md)' }),
});

export const UsageReportWire = z
  .object({
    from: z.string(),
    to: z.string(),
    group_by: z.enum(GROUP_BYS),
    currency: z.literal('USD'),
    totals: Figures,
    groups: z.array(Figures.extend({ key: z.string().openapi({ description: "The day (YYYY-MM-DD), intent, provider or model; '' when unknown" }) })),
    unpriced_models: z.array(z.string()).openapi({ description: 'Models the price table does not know: counted at 0' }),
  })
  .openapi('UsageReport');

export const OrgUsageReportWire = UsageReportWire.extend({
  members: z.array(Figures.extend({ user_id: z.string() })).openapi({ description: "Each member's totals over the range, the costliest first" }),
}).openapi('OrgUsageReport');

export function toFiguresWire(figures: UsageFigures) {
  return {
    made: figures.made,
    failed: figures.failed,
    cancelled: figures.cancelled,
    images: figures.images,
    input_tokens: figures.inputTokens,
    output_tokens: figures.outputTokens,
    cost: figures.cost,
  };
}

export function toReportWire(report: UsageReport) {
  return {
    from: report.from,
    to: report.to,
    group_by: report.groupBy,
    currency: 'USD' as const,
    totals: toFiguresWire(report.totals),
    groups: report.groups.map((group) => ({ key: group.key, ...toFiguresWire(group) })),
    unpriced_models: report.unpricedModels,
  };
}
