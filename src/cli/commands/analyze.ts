/** `storytrace analyze <paths...>`: add, then relations, stories, provenance, quotes, credit. */
import type { Command } from 'commander';
import type { Engine } from '../../engine/engine.js';
import type { CorpusAnalysis } from '../../engine/corpus.js';
import type { Store } from '../../store/store.js';
import { writeJson, writeLine, withStore, type CliContext, type OutStream, type RegisterCommand } from '../context.js';
import { EXIT_USER, oneLine } from '../errors.js';
import { Progress } from '../progress.js';
import { renderStorySummary } from '../render-story.js';

interface AnalyzeFlags {
  json?: boolean;
  workers?: string;
}


export const registerAnalyze: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('analyze')
    .description('add articles, then find relations, stories, hidden sources, quotes and credit over the whole store')
    .argument('[paths...]', 'files or folders to add first (none: analyse what is stored)')
    .option('--json', 'print documents, stories, relations, quotes and credits as one JSON object')
    .option('--workers <n>', 'threads that align and relate pairs (default: one per core from 256 new pairs on; 1 = none)')
    .action((paths: string[], flags: AnalyzeFlags) => runAnalyze(ctx, paths, flags));
};

async function addAll(ctx: CliContext, store: Store, paths: string[], engine: Engine): Promise<number> {
  const progress = new Progress(ctx.io.stderr);
  let added = 0;
  let failed = 0;
  const { ingestPaths } = await import('../../engine/ingest.js');
  for await (const e of ingestPaths(store, paths, engine, { stdin: ctx.io.stdin ?? null })) {
    if (e.kind === 'error') {
      failed++;
      progress.clear();
      writeLine(ctx.io.stderr, `storytrace: ${oneLine(e.message)}`);
    } else if (e.kind === 'added') added++;
    progress.update(`adding: ${added} added, ${failed} errors`);
  }
  progress.clear();
  if (failed > 0) ctx.setExitCode(EXIT_USER);
  return added;
}

async function runAnalyze(ctx: CliContext, paths: string[], flags: AnalyzeFlags): Promise<void> {
  // Loaded here, not at the top: other commands start faster without the engine.
  const { createEngine } = await import('../../engine/engine.js');
  const { analyzeStore } = await import('../../engine/analyze-store.js');
  const { workerCount } = await import('./add.js');
  const workers = workerCount(flags.workers) ?? 0;
  const engine = createEngine();
  await withStore(ctx, { existing: true }, async (store) => {
    const added = paths.length > 0 ? await addAll(ctx, store, paths, engine) : 0;
    // On PostgreSQL, one analysis at a time per database (servers and workers take this lock too).
    const { openAnalysisLock } = await import('../../queue/analyze-lock.js');
    const lock = openAnalysisLock(ctx.dbSpec());
    const result = await lock.run(() => analyzeStore(engine, store, { workers })).finally(() => lock.close());
    if (flags.json) {
      const { computed: _computed, ...json } = result;
      writeJson(ctx.io.stdout, json);
    } else printSummary(ctx.io.stdout, result, added);
  });
}

function printSummary(out: OutStream, r: CorpusAnalysis & { computed: number }, added: number): void {
  const multi = r.stories.filter((s) => s.members.length > 1);
  writeLine(out, `${r.documents.length} articles (${added} new), ${r.relations.length} pairs compared (${r.computed} new), ${multi.length} stories with 2+ articles, ${r.quotes.filter((q) => q.occurrences.length > 1).length} quotes carried by 2+ articles`);
  const titles = new Map(r.documents.map((d) => [d.id, d]));
  for (const s of r.stories) renderStorySummary(out, s, titles);
}
