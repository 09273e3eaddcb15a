import type { ConversationContext } from './context.js';
import { getMessage } from './get-message.js';
import type { MessageRecord } from './message.js';

/** The longest a poll may be held (`?wait=`), in seconds. */
export const MAX_WAIT_SECONDS = 30;

/**
 * The long poll: the user's message once its `sequence` is above `afterSequence`, or as it is
 * when `waitMs` pass (or the gateway stops, or the client goes) first. It waits on the session's
 * event feed, not by reading the store in a loop: one read, a listen, a read again (a change
 * between the two is not missed), then one last read when woken.
 */
export async function waitForMessage({
  ctx,
  input,
}: {
  ctx: Pick<ConversationContext, 'store' | 'feed'>;
  input: { userId: string; sessionId: string; messageId: string; afterSequence: number; waitMs: number; signal?: AbortSignal };
}): Promise<MessageRecord> {
  const read = () => getMessage({ ctx, input });
  const first = await read();
  if (first.sequence > input.afterSequence || input.waitMs <= 0) return first;

  const id = first.id.toLowerCase();
  let wake = () => {};
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const stop = await ctx.feed.listen(first.sessionId, (event) => {
    if (event.messageId === id && event.sequence > input.afterSequence) wake();
  });
  const timer = setTimeout(wake, input.waitMs);
  const signals = [ctx.feed.stopping, input.signal].filter((signal): signal is AbortSignal => signal !== undefined);
  for (const signal of signals) signal.addEventListener('abort', wake);
  try {
    const again = await read();
    if (again.sequence > input.afterSequence) return again;
    await woken;
    return await read();
  } finally {
    clearTimeout(timer);
    for (const signal of signals) signal.removeEventListener('abort', wake);
    stop();
  }
}
