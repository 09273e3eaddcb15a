import type { FinalHook, MessageRecord } from '../conversation/index.js';
import type { Logger } from '../shared/logger.js';
import type { OutageMonitor } from '../shared/outages.js';
import { recordMessageUsage, type FinishedMessage, type UsageContext } from '../usage/index.js';

/**
 * The conversation service's `onFinal`, wired to the usage rollup. Awaited by the final
 * transition; a failure is logged (an outage once) and the message's figures are then missing
 * from the rollup (docs/usage.md says what that means and how rare it is).
 */
export function recordUsageOnFinal(usage: UsageContext, logger: Logger, outages: OutageMonitor): FinalHook {
  return async (message) => {
    try {
      await recordMessageUsage({ ctx: usage, input: finishedMessage(message) });
    } catch (error) {
      if (!outages.observe(error)) logger.warn({ err: error, messageId: message.id }, 'usage not recorded for a finished message');
    }
  };
}

/** What the rollup counts of a message: the outcome under the image's provider and model (else the last that worked on it), the calls under their own. */
export function finishedMessage(message: MessageRecord): FinishedMessage {
  const lastCall = message.usage.at(-1);
  const by = message.image ?? lastCall ?? message.refinement;
  return {
    messageId: message.id,
    sequence: message.sequence,
    userId: message.userId,
    orgId: message.orgId,
    status: message.status as FinishedMessage['status'],
    imagesMade: message.image === null ? 0 : 1 + message.moreImages.length,
    intent: message.intent,
    at: message.completedAt ?? message.updatedAt,
    provider: by?.provider ?? null,
    model: by?.model ?? null,
    calls: message.usage.map((call) => ({
      provider: call.provider,
      model: call.model,
      inputTokens: call.inputTokens,
      outputTokens: call.outputTokens,
      images: call.images,
    })),
  };
}
