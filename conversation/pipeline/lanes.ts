import type { Lane } from '../../shared/principal.js';

/**
 * Priority lanes, as BullMQ priorities: earliest deadline first.
 *
 * BullMQ serves a queue's prioritized jobs strictly by number (lower first; FIFO among equal
 * numbers), so "high first" alone would let a steady stream of high-lane jobs starve the normal
 * lane. Instead a job's priority is its *deadline*: the second it was enqueued, plus its lane's
 * allowance (high: 0, normal: `highLeadSeconds`). Serving the earliest deadline first means:
 *
 * - a high-lane job goes ahead of every normal job enqueued less than `highLeadSeconds` before it;
 * - a normal job is never passed by a high-lane job enqueued `highLeadSeconds` or more after it,
 *   so however many high-lane jobs arrive, a normal job waits at most that much longer than it
 *   would in plain arrival order (plus the high-lane work already ahead of it);
 * - within a lane, jobs keep their arrival order.
 *
 * Every job gets a priority of at least 1: BullMQ runs jobs *without* a priority (0) before all
 * prioritized ones. A retried or delayed job keeps its number (its deadline stays the one it was
 * given), so it goes back ahead of newer work. A job that stalled (its worker died) is put back
 * by BullMQ without its priority and runs next: it had started already.
 *
 * The wrap: BullMQ takes priorities up to 2^21 - 1, so the deadline is counted in seconds from a
 * fixed epoch modulo {@link PRIORITY_CYCLE_SECONDS} (about 24 days). At the moment the count wraps,
 * jobs enqueued just after it get small numbers and go ahead of those still waiting from just
 * before it; the older ones run as soon as the newer backlog is served. This happens once every
 * 24 days and lasts as long as the queue's backlog at that moment, never longer.
 */

/** Seconds are counted from here (any fixed instant works: only differences matter). */
export const PRIORITY_EPOCH_MS = Date.UTC(2025, 0, 1);

/** BullMQ's largest priority (2^21 - 1); deadlines are counted modulo this many seconds. */
export const PRIORITY_CYCLE_SECONDS = 2 ** 21 - 1;

/** The default head start of the high lane over the normal lane (LANE_HIGH_LEAD_S). */
export const DEFAULT_HIGH_LEAD_SECONDS = 60;

/**
 * The BullMQ priority of a stage job of a message in `lane`, enqueued at `atMs` (ms since the Unix
 * epoch): 1 to 2^21 - 1, lower first.
 */
export function stagePriority(lane: Lane, atMs: number, highLeadSeconds: number): number {
  const seconds = Math.floor((atMs - PRIORITY_EPOCH_MS) / 1000);
  const deadline = seconds + (lane === 'high' ? 0 : highLeadSeconds);
  const cycle = PRIORITY_CYCLE_SECONDS;
  // `%` keeps the sign of a negative count (a clock before the epoch); this never goes below 0.
  return 1 + (((deadline % cycle) + cycle) % cycle);
}
