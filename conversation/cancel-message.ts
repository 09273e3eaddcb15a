import { Conflict } from '../shared/errors.js';
import { STAGES, stageJobId } from '../shared/queues.js';
import type { ConversationContext } from './context.js';
import { refundMessage } from './fail-message.js';
import { getMessage } from './get-message.js';
import { isFinal, type MessageRecord } from './message.js';
import { endTurn } from './pipeline/turns.js';
import { transitionMessage } from './transition-message.js';

/**
 * The owner cancels a queued or running message: it ends CANCELLED, its waiting jobs go, its
 * quota unit comes back and its session's next message gets the turn. A stage still running
 * finds the message final when it tries to record its result (compare-and-set), so it records
 * nothing; the image stage also removes a file it wrote meanwhile (image-stage.ts). Nothing is
 * filed: a message whose image is already stored (saving) can no longer be cancelled (409).
 */
export async function cancelMessage({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'queues' | 'realtime' | 'links' | 'quota' | 'logger' | 'onEvent' | 'onFinal'>;
  input: { userId: string; sessionId: string; messageId: string };
}): Promise<MessageRecord> {
  const message = await getMessage({ ctx, input });
  if (isFinal(message.status)) throw new Conflict(`message ${message.id} is ${message.status}; only a queued or running message can be cancelled`);
  const cancelled = await transitionMessage(ctx, message.id, { type: 'cancelled' }, message);
  if (!cancelled || cancelled.status !== 'CANCELLED') {
    throw new Conflict(`message ${message.id} finished or reached saving meanwhile; it can no longer be cancelled`);
  }
  // A waiting job goes; an active one is locked by its worker (remove does nothing) and ends on its own.
  await Promise.all(
    STAGES.map((stage) =>
      ctx.queues[stage].remove(stageJobId(cancelled.id, stage)).catch((error: unknown) => {
        ctx.logger.warn({ err: error, messageId: cancelled.id, stage }, 'could not remove a job of a cancelled message');
      }),
    ),
  );
  await refundMessage(ctx, cancelled.id);
  await endTurn(ctx, cancelled);
  return cancelled;
}
