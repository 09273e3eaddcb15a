import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { projectPath } from '../shared/paths.js';

/**
 * One file of the web app as the gateway serves it, held in memory: its text, the same gzipped
 * once at build (not per request), and an ETag (its content's hash) a browser revalidates with.
 */
export interface WebAsset {
  text: string;
  gzipped: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** The web app: one script and one style sheet. */
export interface WebBundle {
  script: WebAsset;
  style: WebAsset;
}

function webAsset(text: string): WebAsset {
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 27);
  return { text, gzipped: new Uint8Array(gzipSync(text, { level: 9 })), etag: `"${hash}"` };
}

let building: Promise<WebBundle> | undefined;

/**
 * The web app of `web/`, bundled once per process: every start after the first (tests start many
 * Ateliers) reuses it. A build error rejects (and the next call tries again).
 */
export function buildWebApp(): Promise<WebBundle> {
  building ??= bundleWebApp(projectPath('web', 'main.tsx'), projectPath('web', 'style.css')).catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

/**
 * Bundle `entry` (Preact, the SDK, socket.io-client) with esbuild, into memory. A build error
 * rejects with `the web app (web/) could not be built:` and what esbuild said (file, line, why),
 * so the start fails with it rather than serving a broken page.
 */
export async function bundleWebApp(entry: string, styleFile: string): Promise<WebBundle> {
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const script = result.outputFiles[0]?.text ?? '';
    const style = await readFile(styleFile, 'utf8');
    return { script: webAsset(script), style: webAsset(style) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`the web app (web/) could not be built: ${detail}`);
  }
}
