import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Postgres } from '../shared/connections/postgres.js';
import { newId } from '../shared/ids.js';
import { createTestPostgres } from '../shared/testing/postgres.js';
import type { UsageContext } from './context.js';
import { getOrgUsageReport, getUsage } from './get-usage.js';
import { migrateUsage } from './migrate.js';
import { priceTable } from './prices.js';
import { recordMessageUsage, type FinishedMessage } from './record-message-usage.js';

/** The rollup on a real Postgres: exact under concurrency, each final transition counted once, priced by model. */

let postgres: Postgres;
let ctx: UsageContext;

beforeAll(async () => {
  postgres = await createTestPostgres();
  await migrateUsage(postgres);
  ctx = {
    db: postgres.db,
    prices: priceTable({ 'image-model': { perImage: 0.25, perMillionOutputTokens: 10 }, 'text-model': { perMillionInputTokens: 1, perMillionOutputTokens: 2 } }),
    logger: undefined as never,
  };
});

afterAll(async () => {
  await postgres?.close();
});

const AT = new Date('2025-03-10T12:00:00Z');

function finished(userId: string, fields: Partial<FinishedMessage> = {}): FinishedMessage {
  return {
    messageId: newId(),
    sequence: 7,
    userId,
    orgId: 'org-a',
    status: 'DONE',
    imagesMade: 1,
    intent: 'generate',
    at: AT,
    provider: 'gemini',
    model: 'image-model',
    calls: [
      { provider: 'gemini', model: 'text-model', inputTokens: 100, outputTokens: 50 },
      { provider: 'gemini', model: 'image-model', inputTokens: 20, outputTokens: 1000, images: 1 },
    ],
    ...fields,
  };
}

const query = { from: '2025-03-01', to: '2025-03-31', groupBy: 'model' as const };

describe('the usage rollup', () => {
  it('adds up exactly when many messages of one user end at once', async () => {
    const user = `many-${newId()}`;
    const outcomes: Array<FinishedMessage['status']> = Array.from({ length: 60 }, (_, index) => (index % 6 === 0 ? 'FAILED' : index % 6 === 1 ? 'CANCELLED' : 'DONE'));
    await Promise.all(outcomes.map((status) => recordMessageUsage({ ctx, input: finished(user, { status, calls: status === 'DONE' ? finished(user).calls : [] }) })));
    const report = await getUsage({ ctx, input: { ...query, userId: user } });
    expect(report.totals).toMatchObject({ made: 40, failed: 10, cancelled: 10, images: 40, inputTokens: 40 * 120, outputTokens: 40 * 1050 });
    // 40 × (0.25 + 1000 × 10 / 1e6) + 40 × (100 × 1 + 50 × 2) / 1e6
    expect(report.totals.cost).toBeCloseTo(40 * 0.26 + 40 * 0.0002, 6);
    expect(report.groups.map((group) => group.key)).toEqual(['image-model', 'text-model']);
  });

  it('counts a final transition once, however often it is reported, and a later one again', async () => {
    const user = `once-${newId()}`;
    const message = finished(user, { status: 'FAILED', calls: [] });
    await Promise.all(Array.from({ length: 5 }, () => recordMessageUsage({ ctx, input: message })));
    // Retried, it ends DONE: a later transition of the same message.
    await recordMessageUsage({ ctx, input: { ...message, sequence: 12, status: 'DONE' } });
    const report = await getUsage({ ctx, input: { ...query, userId: user } });
    expect(report.totals).toMatchObject({ made: 1, failed: 1, cancelled: 0 });
  });

  it('groups by day, intent, provider and model, each summing to the totals; unknown models cost 0 and are named', async () => {
    const user = `groups-${newId()}`;
    await recordMessageUsage({ ctx, input: finished(user) });
    await recordMessageUsage({ ctx, input: finished(user, { at: new Date('2025-03-11T00:00:01Z'), intent: 'edit' }) });
    await recordMessageUsage({ ctx, input: finished(user, { intent: 'chat', imagesMade: 0, provider: 'gemini', model: 'text-model', calls: [{ provider: 'gemini', model: 'text-model', inputTokens: 10, outputTokens: 5 }] }) });
    await recordMessageUsage({ ctx, input: finished(user, { status: 'FAILED', provider: 'other', model: 'mystery', calls: [{ provider: 'other', model: 'mystery', outputTokens: 99 }] }) });
    const expected = { day: ['2025-03-10', '2025-03-11'], intent: ['chat', 'edit', 'generate'], provider: ['gemini', 'other'], model: ['image-model', 'mystery', 'text-model'] } as const;
    for (const groupBy of ['day', 'intent', 'provider', 'model'] as const) {
      const report = await getUsage({ ctx, input: { ...query, groupBy, userId: user } });
      expect(report.groups.map((group) => group.key), groupBy).toEqual(expected[groupBy]);
      for (const figure of ['made', 'failed', 'cancelled', 'images', 'inputTokens', 'outputTokens'] as const) {
        expect(report.groups.reduce((sum, group) => sum + group[figure], 0), `${groupBy} ${figure}`).toBe(report.totals[figure]);
      }
      expect(report.totals).toMatchObject({ made: 2, failed: 1 });
      expect(report.unpricedModels).toEqual(['mystery']);
    }
    const byDay = await getUsage({ ctx, input: { ...query, groupBy: 'day', userId: user } });
    expect(byDay.groups.find((group) => group.key === '2025-03-11')).toMatchObject({ made: 1, failed: 0 });
    // The range's edges are whole UTC days, both included.
    expect((await getUsage({ ctx, input: { from: '2025-03-11', to: '2025-03-11', groupBy: 'day', userId: user } })).totals.made).toBe(1);
  });

  it("reports an organisation's members, and nothing of another organisation", async () => {
    const [ann, ben, other] = [`ann-${newId()}`, `ben-${newId()}`, `other-${newId()}`];
    const org = `org-${newId()}`;
    await Promise.all([
      recordMessageUsage({ ctx, input: finished(ann, { orgId: org }) }),
      recordMessageUsage({ ctx, input: finished(ann, { orgId: org }) }),
      recordMessageUsage({ ctx, input: finished(ben, { orgId: org, status: 'CANCELLED', calls: [] }) }),
      recordMessageUsage({ ctx, input: finished(other, { orgId: `org-${newId()}` }) }),
    ]);
    const report = await getOrgUsageReport({ ctx, input: { ...query, orgId: org } });
    expect(report.totals).toMatchObject({ made: 2, cancelled: 1 });
    expect(report.members.map((member) => [member.userId, member.made, member.cancelled])).toEqual([
      [ann, 2, 0],
      [ben, 0, 1],
    ]);
  });
});
