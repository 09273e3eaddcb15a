import { sql } from 'drizzle-orm';
import type { UsageContext } from './context.js';
import type { UsageCounts } from './get-usage.js';

/** A message that reached a final status, as the usage rollup counts it. */
export interface FinishedMessage {
  messageId: string;
  /** The sequence of its final transition: that transition is counted once. */
  sequence: number;
  userId: string;
  orgId: string | null;
  status: 'DONE' | 'FAILED' | 'CANCELLED';
  /** The images it made when DONE: 1, or n for `options.n` variations (a chat reply makes none: it counts its tokens only). */
  imagesMade: number;
  intent: string | null;
  /** When it ended: its UTC day is the row it is counted in. */
  at: Date;
  /** Whom the outcome is counted under: the image's provider and model, else the last that worked on it. */
  provider: string | null;
  model: string | null;
  /** Each provider call it made, as the provider reported it. */
  calls: Array<{ provider: string; model: string; inputTokens?: number | undefined; outputTokens?: number | undefined; images?: number | undefined }>;
}

interface Contribution extends UsageCounts {
  provider: string;
  model: string;
}

/**
 * Add a finished message to the rollup: one statement, so it is all or nothing, and claimed by
 * (message, sequence) in the same statement, so counting the same transition twice adds nothing.
 * Concurrent messages of one user and day add to the same rows through `on conflict do update`.
 */
export async function recordMessageUsage({ ctx, input }: { ctx: Pick<UsageContext, 'db'>; input: FinishedMessage }): Promise<void> {
  const rows = contributions(input);
  const day = input.at.toISOString().slice(0, 10);
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${input.userId}::text, ${day}::date, ${input.orgId ?? ''}::text, ${input.intent ?? ''}::text, ${row.provider}::text, ${row.model}::text, ${row.made}::int, ${row.failed}::int, ${row.cancelled}::int, ${row.images}::int, ${row.inputTokens}::bigint, ${row.outputTokens}::bigint)`,
    ),
    sql`, `,
  );
  await ctx.db.execute(sql`
    with claimed as (
      insert into usage_recorded (message_id, sequence) values (${input.messageId}::uuid, ${input.sequence}::int)
      on conflict do nothing returning 1
    )
    insert into usage_daily (user_id, day, org_id, intent, provider, model, made, failed, cancelled, images, input_tokens, output_tokens)
    select v.* from (values ${values}) as v(user_id, day, org_id, intent, provider, model, made, failed, cancelled, images, input_tokens, output_tokens)
    where exists (select 1 from claimed)
    on conflict (user_id, day, org_id, intent, provider, model) do update set
      made = usage_daily.made + excluded.made,
      failed = usage_daily.failed + excluded.failed,
      cancelled = usage_daily.cancelled + excluded.cancelled,
      images = usage_daily.images + excluded.images,
      input_tokens = usage_daily.input_tokens + excluded.input_tokens,
      output_tokens = usage_daily.output_tokens + excluded.output_tokens`);
}

/** One row per provider and model: the outcome under the message's own, the calls under theirs (merged: a statement may touch a row once). */
function contributions(input: FinishedMessage): Contribution[] {
  const byKey = new Map<string, Contribution>();
  const at = (provider: string, model: string) => {
    const key = `${provider}\u0000${model}`;
    let row = byKey.get(key);
    if (!row) {
      row = { provider, model, made: 0, failed: 0, cancelled: 0, images: 0, inputTokens: 0, outputTokens: 0 };
      byKey.set(key, row);
    }
    return row;
  };
  const outcome = at(input.provider ?? '', input.model ?? '');
  if (input.status === 'DONE') outcome.made += input.imagesMade;
  if (input.status === 'FAILED') outcome.failed += 1;
  if (input.status === 'CANCELLED') outcome.cancelled += 1;
  for (const call of input.calls) {
    const row = at(call.provider, call.model);
    row.images += call.images ?? 0;
    row.inputTokens += call.inputTokens ?? 0;
    row.outputTokens += call.outputTokens ?? 0;
  }
  return [...byKey.values()];
}
