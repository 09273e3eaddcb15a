import { createInterface } from 'node:readline/promises';
import { followSession } from '../client/index.js';
import { saveImages } from './generate.js';
import { untilFinal, progressView } from './follow.js';
import { CliError, dataOf, type Output } from './output.js';
import { signedIn } from './session.js';

/**
 * `atelier chat`: a conversation in the terminal. Each line is a message of one session (so "make
 * it warmer" edits the last image); each image is saved as it comes, in `--dir`, and its path
 * printed. Ends at EOF (Ctrl-D) or `/quit`.
 */
export async function chat(options: { dir?: string; session?: string }, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const { client, url, token } = await signedIn(env);
  const sessionId = options.session ?? dataOf(await client.POST('/api/v1/chat/sessions/', { body: {} })).id;
  const follower = followSession({ baseUrl: url, token, sessionId });
  const changes = follower[Symbol.asyncIterator]();
  const transcript: unknown[] = [];
  await follower.ready.catch((error: unknown) => {
    follower.close();
    throw error;
  });
  // Read from here on: a line (or the end of input) that came before the iterator would be lost.
  const lines = createInterface({ input: process.stdin, terminal: process.stdin.isTTY });
  try {
    if (!output.json) output.note(`session ${sessionId}: type a prompt, /quit to leave`);
    if (process.stdin.isTTY) lines.setPrompt('> ');
    lines.prompt();
    for await (const line of lines) {
      const content = line.trim();
      if (content === '/quit') break;
      if (content !== '') {
        try {
          const posted = dataOf(await client.POST('/api/v1/chat/sessions/{id}/messages/', { params: { path: { id: sessionId } }, body: { content } }));
          const done = await untilFinal(changes, client, posted, progressView(!output.json));
          const files = await saveImages(done, undefined, options.dir ?? '.');
          transcript.push({ message: done, files });
          if (!output.json) {
            if (done.reply) process.stdout.write(`${done.reply}\n`);
            for (const file of files) process.stdout.write(`saved ${file}\n`);
          }
        } catch (error) {
          // One message failing does not end the conversation.
          if (!(error instanceof CliError)) throw error;
          transcript.push({ error: error.message });
          output.note(error.message);
        }
      }
      lines.prompt();
    }
  } finally {
    lines.close();
    follower.close();
  }
  if (output.json) output.result({ session_id: sessionId, messages: transcript }, () => []);
}
