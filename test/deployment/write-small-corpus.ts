/**
 * Writes the deployment tests' generated corpus as JSON lines, for measuring `add` and
 * `analyze` on the same articles outside the tests:
 *   node --import tsx test/deployment/write-small-corpus.ts <docs> <out.jsonl> [seed]
 * The default seed is the fault test's (workers.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { smallCorpus } from './small-corpus.js';

const [docsArg, out, seedArg] = process.argv.slice(2);
const docs = Number(docsArg);
if (!Number.isInteger(docs) || docs < 1 || !out) {
  console.error('usage: write-small-corpus.ts <docs> <out.jsonl> [seed]');
  process.exit(2);
}
const lines = smallCorpus(Number(seedArg ?? 20240607), docs).map((d) => JSON.stringify({ text: d.body, ...d.meta }));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${out}: ${docs} documents`);
