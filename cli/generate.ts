import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { followSession, type Message } from '../client/index.js';
import { untilFinal, progressView } from './follow.js';
import { CliError, dataOf, EXIT, type Output } from './output.js';
import { download, signedIn } from './session.js';

const FORMATS: Record<string, 'png' | 'jpeg' | 'webp'> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.webp': 'webp' };

export interface GenerateOptions {
  size?: string;
  out?: string;
  n?: string;
  seed?: string;
}

/** `atelier generate "prompt"`: one message in a new session, followed to its image, saved to a file. */
export async function generate(prompt: string, options: GenerateOptions, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const { client, url, token } = await signedIn(env);
  const size = options.size === undefined ? undefined : parseSize(options.size);
  const format = options.out === undefined ? undefined : FORMATS[path.extname(options.out).toLowerCase()];
  if (options.out !== undefined && format === undefined) throw new CliError('--out must end in .png, .jpg or .webp', EXIT.usage);
  const n = options.n === undefined ? undefined : wholeNumber('--n', options.n);
  const seed = options.seed === undefined ? undefined : wholeNumber('--seed', options.seed);

  const session = dataOf(await client.POST('/api/v1/chat/sessions/', { body: {} }));
  const follower = followSession({ baseUrl: url, token, sessionId: session.id });
  try {
    await follower.ready;
    const posted = dataOf(
      await client.POST('/api/v1/chat/sessions/{id}/messages/', {
        params: { path: { id: session.id } },
        body: { content: prompt, options: { ...size, ...(format && { format }), ...(n !== undefined && { n }), ...(seed !== undefined && { seed }) } },
      }),
    );
    const done = await untilFinal(follower[Symbol.asyncIterator](), client, posted, progressView(!output.json));
    const files = await saveImages(done, options.out);
    output.result({ message: done, files }, () => (files.length ? files : [done.reply ?? '(no image: a chat reply)']));
  } finally {
    follower.close();
  }
}

/** Save a DONE message's images: to `out` (the first; the others numbered beside it), or `{image id}.{format}` here. */
export async function saveImages(message: Message, out: string | undefined, dir = '.'): Promise<string[]> {
  const files: string[] = [];
  for (const [index, image] of message.images.entries()) {
    if (!image) continue;
    const extension = image.format === 'jpeg' ? 'jpg' : image.format;
    const file =
      out === undefined
        ? path.join(dir, `${image.id}.${extension}`)
        : index === 0
          ? out
          : out.replace(/(\.[^.]+)$/, `-${index + 1}$1`);
    await writeFile(file, await download(image.url));
    files.push(file);
  }
  return files;
}

function parseSize(value: string): { width: number; height: number } {
  const match = /^(\d+)x(\d+)$/.exec(value);
  if (!match) throw new CliError('--size must be WIDTHxHEIGHT, such as 1024x576', EXIT.usage);
  return { width: Number(match[1]), height: Number(match[2]) };
}

function wholeNumber(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${name} must be a whole number`, EXIT.usage);
  return Number(value);
}
