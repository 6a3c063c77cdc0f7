#!/usr/bin/env node
// The CLI entry: runs the compiled program (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist', 'src', 'cli', 'main.js');
if (!existsSync(main)) {
  console.error('storytrace: not built yet; run `npm run build` (npm ci does it) in ' + root);
  process.exit(1);
}
await import(pathToFileURL(main).href);
