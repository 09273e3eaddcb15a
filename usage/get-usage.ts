import { and, between, eq, sql, type SQL } from 'drizzle-orm';
import type { PriceTable } from '../shared/usage.js';
import type { UsageContext } from './context.js';
import { costOf, priceOf } from './prices.js';
import { usageDaily as usage } from './schema.js';

export const GROUP_BYS = ['day', 'intent', 'provider', 'model'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** What the rollup counts (usage_daily's counters). */
export interface UsageCounts {
  made: number;
  failed: number;
  cancelled: number;
  images: number;
  inputTokens: number;
  outputTokens: number;
}

export interface UsageFigures extends UsageCounts {
  /** Estimated, in US dollars, at today's price table. */
  cost: number;
}

export interface UsageReport {
  /** The UTC days counted, both included (`YYYY-MM-DD`). */
  from: string;
  to: string;
  groupBy: GroupBy;
  totals: UsageFigures;
  /** One per day, intent, provider or model that had usage, in key order. */
  groups: Array<UsageFigures & { key: string }>;
  /** Models used that the price table does not know: their cost is counted as 0. */
  unpricedModels: string[];
}

export interface OrgUsageReport extends UsageReport {
  /** Each member's totals, the costliest first. */
  members: Array<UsageFigures & { userId: string }>;
}

export interface UsageQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
}

/** The user's usage from the rollup: one range of its primary key. */
export async function getUsage({ ctx, input }: { ctx: Pick<UsageContext, 'db' | 'prices'>; input: UsageQuery & { userId: string } }): Promise<UsageReport> {
  const rows = await selectGroups(ctx, and(eq(usage.userId, input.userId), between(usage.day, input.from, input.to)) as SQL, input.groupBy);
  return report(ctx.prices, input, rows);
}

/** An organisation's usage, and each member's totals (admins: the route checks the role). */
export async function getOrgUsageReport({
  ctx,
  input,
}: {
  ctx: Pick<UsageContext, 'db' | 'prices'>;
  input: UsageQuery & { orgId: string };
}): Promise<OrgUsageReport> {
  const where = and(eq(usage.orgId, input.orgId), between(usage.day, input.from, input.to)) as SQL;
  const [groups, perMember] = await Promise.all([selectGroups(ctx, where, input.groupBy), selectGroups(ctx, where, 'user')]);
  const unpriced = new Set<string>();
  const members = [...sum(ctx.prices, perMember, unpriced)]
    .map(([userId, figures]) => ({ userId, ...figures }))
    .sort((a, b) => b.cost - a.cost || b.made - a.made || a.userId.localeCompare(b.userId));
  return { ...report(ctx.prices, input, groups), members };
}

interface GroupRow extends UsageCounts {
  key: string;
  provider: string;
  model: string;
}

/** Sums by the group's key and by provider and model (a price is a model's), for the rows `where` picks. */
async function selectGroups(ctx: Pick<UsageContext, 'db'>, where: SQL, groupBy: GroupBy | 'user'): Promise<GroupRow[]> {
  const key = {
    day: sql<string>`${usage.day}::text`,
    intent: sql<string>`${usage.intent}`,
    provider: sql<string>`${usage.provider}`,
    model: sql<string>`${usage.model}`,
    user: sql<string>`${usage.userId}`,
  }[groupBy];
  return ctx.db
    .select({
      key: key.as('key'),
      provider: usage.provider,
      model: usage.model,
      made: sql<number>`sum(${usage.made})::int`,
      failed: sql<number>`sum(${usage.failed})::int`,
      cancelled: sql<number>`sum(${usage.cancelled})::int`,
      images: sql<number>`sum(${usage.images})::int`,
      // float8: exact to 2^53, and read back as a JS number (a bigint sum would come back as text).
      inputTokens: sql<number>`sum(${usage.inputTokens})::float8`,
      outputTokens: sql<number>`sum(${usage.outputTokens})::float8`,
    })
    .from(usage)
    .where(where)
    .groupBy(sql`1`, usage.provider, usage.model);
}

const zero = (): UsageFigures => ({ made: 0, failed: 0, cancelled: 0, images: 0, inputTokens: 0, outputTokens: 0, cost: 0 });

function add(into: UsageFigures, row: Omit<UsageFigures, 'cost'>, cost: number): void {
  into.made += row.made;
  into.failed += row.failed;
  into.cancelled += row.cancelled;
  into.images += row.images;
  into.inputTokens += row.inputTokens;
  into.outputTokens += row.outputTokens;
  into.cost += cost;
}

/** Figures by key, each row priced at its model's price. */
function sum(prices: PriceTable, rows: GroupRow[], unpriced: Set<string>): Map<string, UsageFigures> {
  const byKey = new Map<string, UsageFigures>();
  for (const row of rows) {
    const price = priceOf(prices, row.provider, row.model);
    if (!price) unpriced.add(row.model);
    let figures = byKey.get(row.key);
    if (!figures) byKey.set(row.key, (figures = zero()));
    add(figures, row, price ? costOf(price, row) : 0);
  }
  for (const figures of byKey.values()) figures.cost = roundCost(figures.cost);
  return byKey;
}

function report(prices: PriceTable, query: UsageQuery, rows: GroupRow[]): UsageReport {
  const unpriced = new Set<string>();
  const byKey = sum(prices, rows, unpriced);
  const groups = [...byKey].map(([key, figures]) => ({ key, ...figures })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const totals = zero();
  for (const group of groups) add(totals, group, group.cost);
  totals.cost = roundCost(totals.cost);
  return { from: query.from, to: query.to, groupBy: query.groupBy, totals, groups, unpricedModels: [...unpriced].sort() };
}

/** To the millionth of a dollar: sums of floats should not show their noise. */
function roundCost(cost: number): number {
  return Math.round(cost * 1_000_000) / 1_000_000;
}
