import { SingleBar } from 'cli-progress';
import type { AtelierClient, Message } from '../client/index.js';
import { CliError, EXIT } from './output.js';

const FINAL = new Set(['DONE', 'FAILED', 'CANCELLED']);

/** Shows a message's progress on stderr: a bar on a terminal, a line per stage otherwise (a log, a pipe). */
export interface ProgressView {
  update(message: Message, wait: { queue_position?: number | undefined; eta_ms?: number | null | undefined }): void;
  stop(): void;
}

export function progressView(enabled: boolean): ProgressView {
  if (!enabled) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: ' {stage} |{bar}| {value}% | {wait}',
      hideCursor: true,
      clearOnComplete: true,
    });
    let started = false;
    return {
      update(message, wait) {
        const payload = { stage: message.stage.padEnd(10), wait: describeWait(wait) };
        if (!started) bar.start(100, message.progress, payload);
        else bar.update(message.progress, payload);
        started = true;
      },
      stop: () => bar.stop(),
    };
  }
  let last = '';
  return {
    update(message, wait) {
      const line = `${message.stage} ${message.progress}%${wait.eta_ms != null || wait.queue_position ? ` (${describeWait(wait)})` : ''}`;
      if (message.stage === last) return;
      last = message.stage;
      process.stderr.write(`${line}\n`);
    },
    stop() {},
  };
}

function describeWait(wait: { queue_position?: number | undefined; eta_ms?: number | null | undefined }): string {
  const parts: string[] = [];
  if (wait.queue_position) parts.push(`${wait.queue_position} ahead`);
  if (wait.eta_ms != null) parts.push(`about ${Math.max(1, Math.round(wait.eta_ms / 1000))} s left`);
  return parts.join(', ');
}

/**
 * Read a session's changes until `messageId` is final, showing its progress; the queue position
 * and ETA come from the poll (events carry none), asked at each change of stage.
 * @throws CliError (exit 4) when it ends FAILED or CANCELLED.
 */
export async function untilFinal(
  changes: AsyncIterator<Message>,
  client: AtelierClient,
  message: { id: string; session_id: string },
  view: ProgressView,
): Promise<Message> {
  let stage = '';
  let wait = {};
  for (;;) {
    const next = await changes.next();
    if (next.done) throw new CliError('the connection to Atelier ended before the message did', EXIT.failed);
    const changed = next.value;
    if (changed.id !== message.id) continue;
    if (!FINAL.has(changed.status) && changed.stage !== stage) {
      stage = changed.stage;
      const poll = await client.GET('/api/v1/chat/sessions/{id}/messages/{message_id}/', {
        params: { path: { id: message.session_id, message_id: message.id } },
      });
      wait = { queue_position: poll.data?.queue_position, eta_ms: poll.data?.eta_ms };
    }
    view.update(changed, wait);
    if (!FINAL.has(changed.status)) continue;
    view.stop();
    if (changed.status !== 'DONE') {
      const why = changed.error ? `${changed.error.code}: ${changed.error.message}` : 'cancelled';
      throw new CliError(`the message ended ${changed.status} (${why})`, EXIT.messageFailed, changed);
    }
    return changed;
  }
}
