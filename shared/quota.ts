/**
 * The image quota, as the services that spend it see it: a port, so the conversation and
 * identity services use it without knowing where it is counted (limits/, in Redis).
 */

/** One window of the quota: a user's UTC day, or their organisation's UTC month. */
export interface QuotaWindow {
  limit: number;
  used: number;
  remaining: number;
  /** When the window starts again from zero (the next UTC midnight, or the first of the next month). */
  resetsAt: Date;
}

export interface QuotaUsage {
  daily: QuotaWindow;
  monthly: QuotaWindow;
}

export interface QuotaPort {
  /**
   * Take `units` image units (default one: a message with `n` variations takes n) from the
   * user's day and their organisation's month, recorded under `chargeId` (a message id, a
   * request's own id), or throw `quota_exceeded` (429) and take nothing when either has fewer
   * left. Charging an id that already holds a charge takes nothing more.
   */
  charge(input: { userId: string; orgId: string; chargeId: string; units?: number }): Promise<void>;
  /**
   * Give back what was charged under `chargeId`, at most once however often it is called (a
   * failed, cancelled or blocked generation). True when units were given back by this call.
   */
  refund(chargeId: string): Promise<boolean>;
  /** What the user and their organisation have used and have left now. */
  usage(input: { userId: string; orgId: string }): Promise<QuotaUsage>;
}
