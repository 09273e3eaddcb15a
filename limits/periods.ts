/**
 * The quota's windows: a UTC day for a user, a UTC month for an organisation. Each window has its
 * own counter key, so a new day starts from zero without anything resetting the old one.
 */
export interface QuotaPeriods {
  /** `2025-06-30`: names the user's day counter. */
  day: string;
  /** `2025-06`: names the organisation's month counter. */
  month: string;
  dayResetsAt: Date;
  monthResetsAt: Date;
}

export function quotaPeriods(now: Date): QuotaPeriods {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const date = now.getUTCDate();
  const iso = now.toISOString();
  return {
    day: iso.slice(0, 10),
    month: iso.slice(0, 7),
    dayResetsAt: new Date(Date.UTC(year, month, date + 1)),
    monthResetsAt: new Date(Date.UTC(year, month + 1, 1)),
  };
}
