import { describe, expect, it } from 'vitest';
import { quotaPeriods } from './periods.js';

describe('quotaPeriods', () => {
  it.each([
    { now: '2025-06-30T13:45:00.000Z', day: '2025-06-30', month: '2025-06', dayResets: '2025-07-01T00:00:00.000Z', monthResets: '2025-07-01T00:00:00.000Z' },
    { now: '2025-12-31T23:59:59.999Z', day: '2025-12-31', month: '2025-12', dayResets: '2026-01-01T00:00:00.000Z', monthResets: '2026-01-01T00:00:00.000Z' },
    { now: '2024-02-28T00:00:00.000Z', day: '2024-02-28', month: '2024-02', dayResets: '2024-02-29T00:00:00.000Z', monthResets: '2024-03-01T00:00:00.000Z' },
    { now: '2025-03-01T00:00:00.000Z', day: '2025-03-01', month: '2025-03', dayResets: '2025-03-02T00:00:00.000Z', monthResets: '2025-04-01T00:00:00.000Z' },
  ])('$now is day $day of month $month', ({ now, day, month, dayResets, monthResets }) => {
    const periods = quotaPeriods(new Date(now));
    expect(periods).toEqual({ day, month, dayResetsAt: new Date(dayResets), monthResetsAt: new Date(monthResets) });
  });
});
