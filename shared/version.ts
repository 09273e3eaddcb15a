import { readFileSync } from 'node:fs';
import { projectPath } from './paths.js';

/** Atelier's version (package.json's), read once: the start banner, the docs, and the parameters written into each image. */
export const ATELIER_VERSION = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
