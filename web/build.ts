import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { projectPath } from '../shared/paths.js';

/** The web app as the gateway serves it: one script and one style sheet, held in memory. */
export interface WebBundle {
  script: string;
  style: string;
}

let building: Promise<WebBundle> | undefined;

/**
 * Bundle `web/main.tsx` (Preact, the SDK, socket.io-client) with esbuild, once per process: every
 * start after the first (tests start many Ateliers) reuses it. A build error rejects with what
 * esbuild said, so the start fails with it rather than serving a broken page.
 */
export function buildWebApp(): Promise<WebBundle> {
  building ??= (async () => {
    try {
      const result = await build({
        entryPoints: [projectPath('web', 'main.tsx')],
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
      const style = await readFile(projectPath('web', 'style.css'), 'utf8');
      return { script, style };
    } catch (error) {
      building = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`the web app (web/) could not be built: ${detail}`);
    }
  })();
  return building;
}
