import { stageJobId, type PipelineStage } from '../shared/queues.js';
import type { ConversationContext } from './context.js';
import { isFinal, variationsOf, WORKING_STAGES, type MessageRecord, type MessageStage, type WorkingStage } from './message.js';

/** How far back in its session a message looks for messages still ahead of it in line. */
const SESSION_LOOKBACK = 50;

/** Where a waiting message stands. */
export interface WaitEstimate {
  /**
   * Messages ahead of it: the unfinished earlier messages of its session (a session runs one at a
   * time; counted among its last 50) plus the other jobs waiting for the same stage queue while
   * its own job waits there (every lane: an upper bound when the high lane goes first).
   */
  queuePosition: number;
  /**
   * Milliseconds until it is final, from the median of each stage's recent durations on this
   * instance: each message ahead in its session takes a whole run (every stage), each job ahead
   * in the stage queue that stage's median, then its own remaining stages (the current one less
   * the time it has run). An upper estimate: it counts the jobs ahead as if run one at a time.
   * Null until every stage has been timed at least once.
   */
  etaMs: number | null;
}

/** The queue a message waits in (or runs in) at each stage, and the working stages it covers. */
const QUEUE_OF: Record<Exclude<MessageStage, 'done' | 'failed' | 'cancelled'>, PipelineStage> = {
  queued: 'prompt',
  refining: 'prompt',
  generating: 'image',
  uploading: 'image',
  saving: 'finalize',
};
const TIMED_IN: Record<PipelineStage, readonly WorkingStage[]> = {
  prompt: ['refining'],
  image: ['generating', 'uploading'],
  finalize: ['saving'],
};

/** The queue position and ETA of an unfinished message; null for a final one. */
export async function estimateWait({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'queues' | 'durations'>;
  input: { message: MessageRecord; now?: Date };
}): Promise<WaitEstimate | null> {
  const { message } = input;
  if (isFinal(message.status) || message.stage === 'done' || message.stage === 'failed' || message.stage === 'cancelled') return null;
  const queue = QUEUE_OF[message.stage];

  const [earlier, stageAhead, medians] = await Promise.all([
    ctx.store.recentMessages({ sessionId: message.sessionId, beforeId: message.id, limit: SESSION_LOOKBACK }),
    jobsAhead(ctx, queue, message.id),
    ctx.durations?.medians(WORKING_STAGES) ?? Promise.resolve({} as Record<string, number>),
  ]);
  const sessionAhead = earlier.filter((other) => !isFinal(other.status)).length;
  const queuePosition = sessionAhead + stageAhead;
  if (!WORKING_STAGES.every((stage) => medians[stage] !== undefined)) return { queuePosition, etaMs: null };

  const took = (stage: WorkingStage) => medians[stage] as number;
  const whole = WORKING_STAGES.reduce((sum, stage) => sum + took(stage), 0);
  // A chat reply makes no image: it skips generating and uploading.
  const own = WORKING_STAGES.filter((stage) => message.intent !== 'chat' || (stage !== 'generating' && stage !== 'uploading'));
  // Its own images: n variations take n times the image stages (the samples are per image).
  const n = variationsOf(message);
  const ownTook = (stage: WorkingStage) => (stage === 'generating' || stage === 'uploading' ? n * took(stage) : took(stage));
  const current = message.stage === 'queued' ? -1 : own.indexOf(message.stage as WorkingStage);
  const ranFor = message.status === 'PROCESSING' ? (input.now ?? new Date()).getTime() - message.updatedAt.getTime() : 0;
  const remaining = own.slice(Math.max(current, 0)).reduce((sum, stage) => sum + ownTook(stage), 0) - (current >= 0 ? Math.min(ranFor, ownTook(own[current] as WorkingStage)) : 0);
  const perQueuedJob = TIMED_IN[queue].reduce((sum, stage) => sum + took(stage), 0);
  return { queuePosition, etaMs: Math.round(sessionAhead * whole + stageAhead * perQueuedJob + remaining) };
}

/** The other jobs waiting in `stage`'s queue while this message's own job waits there (0 when it runs, or has no job yet). */
async function jobsAhead(ctx: Pick<ConversationContext, 'queues'>, stage: PipelineStage, messageId: string): Promise<number> {
  const queue = ctx.queues[stage];
  const job = await queue.getJob(stageJobId(messageId, stage));
  if (!job) return 0;
  const state = await job.getState();
  if (state !== 'waiting' && state !== 'prioritized' && state !== 'delayed') return 0;
  const waiting = await queue.getJobCountByTypes('waiting', 'prioritized');
  return Math.max(0, waiting - 1);
}
