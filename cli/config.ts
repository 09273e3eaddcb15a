import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import envPaths from 'env-paths';

/**
 * Where `atelier login` keeps the URL and the credential: the user's config directory
 * (`~/.config/atelier/config.json` on Linux; ATELIER_CONFIG_DIR elsewhere), readable by the user
 * only. ATELIER_URL and ATELIER_TOKEN, when set, win over it.
 */

export interface Saved {
  url?: string;
  token?: string;
  refreshToken?: string;
}

export const DEFAULT_URL = 'http://localhost:9999';

export function configFile(env: NodeJS.ProcessEnv): string {
  const dir = env.ATELIER_CONFIG_DIR ?? envPaths('atelier', { suffix: '' }).config;
  return path.join(dir, 'config.json');
}

export async function readSaved(env: NodeJS.ProcessEnv): Promise<Saved> {
  try {
    return JSON.parse(await readFile(configFile(env), 'utf8')) as Saved;
  } catch {
    return {};
  }
}

export async function save(env: NodeJS.ProcessEnv, saved: Saved): Promise<string> {
  const file = configFile(env);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** The Atelier to talk to and the credential, from the environment first, then the saved login. */
export async function target(env: NodeJS.ProcessEnv): Promise<{ url: string; token: string | undefined }> {
  const saved = await readSaved(env);
  return { url: env.ATELIER_URL ?? saved.url ?? DEFAULT_URL, token: env.ATELIER_TOKEN ?? saved.token };
}
