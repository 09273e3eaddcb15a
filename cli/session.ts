import { createAtelierClient, type AtelierClient } from '../client/index.js';
import { target } from './config.js';
import { CliError, EXIT } from './output.js';

/** A client of the Atelier this user signed in to; not signed in: exit 3. */
export async function signedIn(env: NodeJS.ProcessEnv): Promise<{ client: AtelierClient; url: string; token: string }> {
  const { url, token } = await target(env);
  if (!token) throw new CliError('not signed in: run `atelier login` (or set ATELIER_TOKEN)', EXIT.unauthenticated);
  return { client: createAtelierClient({ baseUrl: url, token, fetch: reachable }), url, token };
}

/** fetch, with "cannot connect" told apart from an answer (exit 5). */
export async function reachable(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    const url = input instanceof Request ? input.url : String(input);
    throw new CliError(`cannot reach Atelier at ${new URL(url).origin} (${(error as Error).cause ?? (error as Error).message})`, EXIT.unreachable);
  }
}

/** Download a (signed) media URL to bytes. */
export async function download(url: string): Promise<Buffer> {
  const response = await reachable(url);
  if (!response.ok) throw new CliError(`could not download ${new URL(url).pathname}: ${response.status}`, EXIT.failed);
  return Buffer.from(await response.arrayBuffer());
}
