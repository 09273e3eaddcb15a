import { z } from 'zod';

/**
 * The pipeline's queues, one per stage, so each stage can be scaled and watched on its own.
 * The job name is the stage; the queue it goes to is the one of the same name.
 */
export const STAGES = ['prompt', 'image', 'finalize'] as const;
export type PipelineStage = (typeof STAGES)[number];

/**
 * A stage's job is the message id: the stage reads the message from the store. The counters are
 * the job's own (never handed on to the next stage's job).
 */
export const StageJob = z.object({
  messageId: z.uuid(),
  /** How often this job waited out a provider's rate limit (those waits spend no attempt). */
  rateLimitWaits: z.number().int().min(0).optional(),
  /** How often this job waited out an outage of our own infrastructure (those spend none either). */
  outageWaits: z.number().int().min(0).optional(),
});
export type StageJob = z.infer<typeof StageJob>;

/**
 * The deterministic id of a stage's job: `{messageId}.{stage}`. Adding a job whose id exists is a
 * no-op in BullMQ, so a duplicated or retried enqueue never runs a stage twice for one message.
 * (BullMQ rejects custom ids with a single ":", hence the dot.)
 */
export function stageJobId(messageId: string, stage: PipelineStage): string {
  return `${messageId}.${stage}`;
}
