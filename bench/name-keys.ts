/**
 * Ingest's name keys: speed of `nameKeys` (one pass over the words, namedEntitiesOfText)
 * against the same keys read from every token, on the benchmark corpus, and whether both give the same keys there and on any
 * text files given (e.g. the METER corpus, the seeds, examples/).
 *
 *   node --import tsx bench/name-keys.ts [--docs 2000] [--rounds 8] [files or folders…]
 *
 * Times are the best round's process CPU time per article (the machine may be shared).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { entityKeys } from '../src/engine/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { nameKeys } from '../src/parallel/prepare-doc.js';
import { IDENTITY_LEXICON } from '../src/lexicon/lexicon.js';
import { namedEntities } from '../src/relate/topic.js';
import { tokenize } from '../src/text/tokenize.js';
import type { Article } from '../src/types.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args, positionals } = parseArgs({
  options: { docs: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '8' } },
  allowPositionals: true,
});

/** The keys from every token, as a trace reads them: what nameKeys must equal. */
const everyTokenKeys = (a: Article): number[] => entityKeys(namedEntities(tokenize(a.text, a.sentences, IDENTITY_LEXICON)));

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** Articles of the text, SGML and HTML files under `paths` (files that fail to prepare are left out). */
function articlesOf(paths: string[]): Article[] {
  const out: Article[] = [];
  for (const file of paths.flatMap(filesUnder)) {
    if (!/\.(txt|sgml|html?)$/i.test(file)) continue; // .sgml: METER's marked-up copies, read as text
    const body = readFileSync(file, 'utf8');
    try {
      out.push(prepareArticle({ source: file, kind: /\.html?$/i.test(file) ? 'html' : 'text', body, meta: {} }));
    } catch {
      // not an article (empty, or nothing left after cleaning)
    }
  }
  return out;
}

function bestMicros(articles: Article[], keys: (a: Article) => unknown, rounds: number): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const before = process.cpuUsage();
    for (const a of articles) keys(a);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / articles.length);
  }
  return best;
}

function main(): void {
  const synth = [...new SynthCorpus(1).docs(0, Number(args.docs))].map((d) => prepareArticle(d.raw));
  const files = articlesOf(positionals);
  const differ = [...synth, ...files].filter((a) => JSON.stringify(nameKeys(a)) !== JSON.stringify(everyTokenKeys(a)));
  console.log(`${synth.length} benchmark articles and ${files.length} from files: ${differ.length} with other keys`);
  for (const a of differ.slice(0, 5)) console.log(`  differs: ${a.source}`);
  const rounds = Number(args.rounds);
  const every = bestMicros(synth, everyTokenKeys, rounds);
  const named = bestMicros(synth, nameKeys, rounds);
  console.log(`name keys per benchmark article: every token ${every.toFixed(0)} us, one pass (nameKeys) ${named.toFixed(0)} us`);
  if (differ.length > 0) process.exitCode = 1;
}

main();
