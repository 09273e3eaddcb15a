import { createInterface } from 'node:readline/promises';
import { createAtelierClient } from '../client/index.js';
import { DEFAULT_URL, readSaved, save } from './config.js';
import { CliError, dataOf, EXIT, type Output } from './output.js';
import { reachable } from './session.js';

export interface LoginOptions {
  url?: string;
  email?: string;
  token?: string;
}

/**
 * `atelier login`: sign in with an email and password (the password from ATELIER_PASSWORD, or
 * asked for on a terminal; never an option, which the shell history would keep), or keep an API
 * key (`--token atl_…`) after checking it. Saved in the user's config directory.
 */
export async function login(options: LoginOptions, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const saved = await readSaved(env);
  const url = (options.url ?? env.ATELIER_URL ?? saved.url ?? DEFAULT_URL).replace(/\/+$/, '');
  let token = options.token;
  let refreshToken: string | undefined;
  if (token === undefined) {
    if (!options.email) throw new CliError('give --email (and the password in ATELIER_PASSWORD or at the prompt), or --token', EXIT.usage);
    const password = env.ATELIER_PASSWORD ?? (await ask('password: '));
    const anonymous = createAtelierClient({ baseUrl: url, fetch: reachable });
    const tokens = dataOf(await anonymous.POST('/v1/auth/login/', { body: { email: options.email, password } }));
    token = tokens.access_token;
    refreshToken = tokens.refresh_token;
  }
  const me = dataOf(await createAtelierClient({ baseUrl: url, token, fetch: reachable }).GET('/v1/me/'));
  const file = await save(env, { url, token, ...(refreshToken && { refreshToken }) });
  output.result({ url, user: me.user, config: file }, () => [`signed in to ${url} as ${me.user.email ?? me.user.id}`]);
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError('no password: set ATELIER_PASSWORD', EXIT.usage);
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await lines.question(question);
  } finally {
    lines.close();
  }
}
