#!/usr/bin/env node
// `npx atelier …`: the command-line client (cli/main.ts), run through tsx like `npm start`.
import { tsImport } from 'tsx/esm/api';

await tsImport('./main.ts', import.meta.url);
