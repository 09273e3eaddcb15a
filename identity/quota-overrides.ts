import { eq } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { organisations, users } from './schema/index.js';

/** The quotas an admin set for a user (images a day) and their organisation (a month); null where none was set. */
export interface QuotaOverrides {
  daily: number | null;
  monthly: number | null;
}

/** One statement for both, so the limits service reads them without knowing the identity tables. */
export async function readQuotaOverrides({
  ctx,
  input,
}: {
  ctx: { db: Database };
  input: { userId: string; orgId: string };
}): Promise<QuotaOverrides> {
  const [row] = await ctx.db
    .select({ daily: users.dailyQuota, monthly: organisations.monthlyQuota })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, input.orgId))
    .where(eq(users.id, input.userId));
  return { daily: row?.daily ?? null, monthly: row?.monthly ?? null };
}
