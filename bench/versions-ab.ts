/**
 * This tree's code against another checkout's (an older commit in a `git worktree`), called
 * alternately in one process, so the machine's drifting speed slows both alike:
 *   - align: alignTokens of 20 traced articles against 20 candidates each (token arrays
 *     copied per pass, as a trace meets new candidates);
 *   - credits: searchCredits over the articles, with an md5 of the credits each version found;
 *   - scan: the word scanner (scanWordRanges) over the articles' sentences, with a callback
 *     that does nothing, and an md5 of the words each version found;
 *   - process: processFeatures of the align task's pairs (token arrays copied per pass: the
 *     profiles are cached by token array), with an md5 of the features;
 *   - topic: topicProfile of every article with each version's lexicon (background rarity),
 *     with an md5 of the weights.
 * Prints each version's median CPU time per pass and the median of the per-pass ratios. A task
 * can favour one side by itself: an A/A run (--old a checkout of this very tree) shows by how
 * much (2026-12-07: topic 1.13, process 0.96, which the ratios of a change are read against).
 *
 *   git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   node --import tsx bench/versions-ab.ts --old /tmp/old [--passes 15] [--seed 1]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { forEachSpan, tokenize } from '../src/text/tokenize.js';
import type { Article, Token } from '../src/types.js';
import { alternatingCpu, median } from './measure.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args } = parseArgs({
  options: { old: { type: 'string' }, passes: { type: 'string', default: '15' }, seed: { type: 'string', default: '1' } },
});

type Align = typeof import('../src/align/align.js').alignTokens;
type SearchCredits = typeof import('../src/story/credit.js').searchCredits;
type ScanWords = typeof import('../src/text/word-scan.js').scanWordRanges;
type ProcessFeatures = typeof import('../src/relate/process-features.js').processFeatures;
type TopicProfile = typeof import('../src/relate/topic.js').topicProfile;
type Engine = ReturnType<typeof createEngine>;
/** What processFeatures reads of an analysed article. */
type ProcessInput = Parameters<ProcessFeatures>[0];

const TRACES = 20;
const CANDIDATES = 20;

function report(task: string, times: number[][]): void {
  const [now, old] = times.map(median);
  const ratio = median(times[0].map((t, p) => t / times[1][p]));
  console.log(`${task.padEnd(8)} this tree ${now.toFixed(1)} ms a pass, old ${old.toFixed(1)} ms; this / old, median of ${times[0].length} passes: ${ratio.toFixed(3)}`);
}

function alignPass(align: Align, articles: Article[], tokens: Token[][], engine: ReturnType<typeof createEngine>): () => void {
  return () => {
    for (let t = 0; t < TRACES; t++) {
      const me = [...tokens[t]];
      for (let c = 0; c < CANDIDATES; c++) {
        const j = TRACES + t * CANDIDATES + c;
        align(articles[t].text, me, articles[j].text, [...tokens[j]], engine.lexicon, engine.options.align);
      }
    }
  };
}

/** One version's pass over a task; `out` gets each result (hashed for the md5 line, ignored when timed). */
type Pass = (out: (x: unknown) => void) => void;

const ignore = (): void => {};

/** md5 of a pass's results: strings as they are, anything else as JSON. */
function digestOf(run: Pass): string {
  const h = createHash('md5');
  run((x) => h.update(typeof x === 'string' ? x : JSON.stringify(x)));
  return h.digest('hex');
}

/** Prints the task's md5 for both versions (unless `digest` is false), then their alternating CPU times. */
function compareTask(task: string, passes: number, now: Pass, old: Pass, digest = true): void {
  if (digest) console.log(`${task} md5: this tree ${digestOf(now)}, old ${digestOf(old)}`);
  report(task, alternatingCpu([() => now(ignore), () => old(ignore)], passes));
}

/** Credits of every article; timed (`ignore`), the search alone, as before: resolving them runs the tagger. */
function creditsPass(search: SearchCredits, articles: Article[], out: (x: unknown) => void): void {
  for (const a of articles) {
    const found = search(a.text);
    if (out === ignore) continue;
    out(found.possible);
    out(found.resolve());
  }
}

/** Every word range the scanner finds in the articles' sentences; timed (`ignore`), a callback that does nothing. */
function scanPass(scan: ScanWords, articles: Article[], out: (x: unknown) => void): void {
  const onWord = out === ignore ? ignore : (from: number, to: number): void => out(`${from},${to};`);
  for (const a of articles) forEachSpan(a.text, a.sentences, (start, end) => scan(a.text, start, end, onWord));
}

/** processFeatures of every traced article with its candidates. */
function processPass(features: ProcessFeatures, articles: Article[], tokens: Token[][], quotes: ProcessInput['quotes'][], out: (x: unknown) => void): void {
  const input = (i: number): ProcessInput => ({ article: articles[i], tokens: [...tokens[i]], quotes: quotes[i] }) as unknown as ProcessInput;
  for (let t = 0; t < TRACES; t++) {
    const me = input(t);
    for (let c = 0; c < CANDIDATES; c++) out(features(me, input(TRACES + t * CANDIDATES + c)));
  }
}

const topicPass = (profile: TopicProfile, engine: Engine, tokens: Token[][], out: (x: unknown) => void): void =>
  tokens.forEach((t) => out([...profile(t, undefined, (w) => engine.lexicon.backgroundIdf(w)).terms]));

async function main(): Promise<void> {
  if (!args.old) throw new Error('--old <checkout of the older commit> is required');
  const old = resolve(args.old);
  const oldAlign = ((await import(`${old}/src/align/align.ts`)) as { alignTokens: Align }).alignTokens;
  const oldCredits = ((await import(`${old}/src/story/credit.ts`)) as { searchCredits: SearchCredits }).searchCredits;
  const { alignTokens } = await import('../src/align/align.js');
  const { searchCredits } = await import('../src/story/credit.js');
  const oldScan = ((await import(`${old}/src/text/word-scan.ts`)) as { scanWordRanges: ScanWords }).scanWordRanges;
  const { scanWordRanges } = await import('../src/text/word-scan.js');
  const engine = createEngine();
  const articles = [...new SynthCorpus(Number(args.seed)).docs(0, TRACES * (CANDIDATES + 1))].map((d) => prepareArticle(d.raw));
  const tokens = articles.map((a) => tokenize(a.text, a.sentences, engine.lexicon));
  const passes = Number(args.passes);
  compareTask('align', passes, alignPass(alignTokens, articles, tokens, engine), alignPass(oldAlign, articles, tokens, engine), false);
  compareTask('credits', passes, (out) => creditsPass(searchCredits, articles, out), (out) => creditsPass(oldCredits, articles, out));
  // the scan task's callback does nothing when timed: the pass is short, so four times as many
  compareTask('scan', passes * 4, (out) => scanPass(scanWordRanges, articles, out), (out) => scanPass(oldScan, articles, out));
  const { processFeatures } = await import('../src/relate/process-features.js');
  const oldProcess = ((await import(`${old}/src/relate/process-features.ts`)) as { processFeatures: ProcessFeatures }).processFeatures;
  const { extractQuotes } = await import('../src/story/quotes.js');
  const quotes = articles.map((a) => extractQuotes(a.text, a.sentences).filter((q) => !q.short));
  compareTask('process', passes, (out) => processPass(processFeatures, articles, tokens, quotes, out), (out) => processPass(oldProcess, articles, tokens, quotes, out));
  const { topicProfile } = await import('../src/relate/topic.js');
  const oldTopic = ((await import(`${old}/src/relate/topic.ts`)) as { topicProfile: TopicProfile }).topicProfile;
  const oldEngine = ((await import(`${old}/src/engine/engine.ts`)) as { createEngine: () => Engine }).createEngine();
  compareTask('topic', passes * 2, (out) => topicPass(topicProfile, engine, tokens, out), (out) => topicPass(oldTopic, oldEngine, tokens, out));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
