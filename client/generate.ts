import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS from 'openapi-typescript';
import { startAtelier } from '../gateway/system.js';
import { loadConfig } from '../shared/config.js';
import { createLogger } from '../shared/logger.js';
import { projectPath } from '../shared/paths.js';

/**
 * The SDK's types, generated from the OpenAPI document the gateway serves (`npm run
 * client:generate`). client/client.test.ts fails when the committed file is not what this makes.
 */

export const SCHEMA_FILE = projectPath('client', 'schema.d.ts');

const HEADER = `/**
 * Generated from Atelier's /openapi.json by \`npm run client:generate\` (openapi-typescript): do
 * not edit. client/client.test.ts fails when it is stale.
 */

`;

/** The types of a served OpenAPI document, as the SDK commits them. */
export async function generateSchemaTypes(document: unknown): Promise<string> {
  return openapiTS(document as Parameters<typeof openapiTS>[0], { commentHeader: HEADER });
}

/** Start Atelier on its embedded defaults in a temporary folder, and read its document. */
async function servedDocument(): Promise<unknown> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-client-'));
  const config = loadConfig({ PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const atelier = await startAtelier(config, createLogger({ level: 'silent' }), { version: 'client', recovery: false });
  try {
    return await (await fetch(`${atelier.url}/openapi.json`)).json();
  } finally {
    await atelier.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(SCHEMA_FILE, await generateSchemaTypes(await servedDocument()));
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
