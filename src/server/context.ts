/** What every route reads: the store, the engine (loaded on first use), the gate, the limits. */
import type { Engine } from '../engine/engine.js';
import type { ArticleSummary, Store } from '../store/store.js';
import type { Article } from '../types.js';
import { UserError } from '../errors.js';
import type { AnalysisLock } from '../queue/analyze-lock.js';
import { AnalysisGate } from './limits.js';
import { analysisModules, sharedEngine } from './lazy.js';
import type { ParallelTracer } from '../parallel/trace.js';
import type { ErrorLog } from './errors.js';
import type { ServerOptions } from './options.js';

export interface ServerContext {
  store: Store;
  /** The engine and its modules load on the first analysis, so pages that only read answer at once. */
  engine(): Promise<Engine>;
  /** Traces on options.traceThreads threads; its workers start on first use and stop with closeTracer. */
  tracer(): Promise<ParallelTracer>;
  closeTracer(): Promise<void>;
  /** Serialises this process's analysis calls (per process: each server has its own). */
  gate: AnalysisGate;
  /** The database's analysis lock, shared with other servers and workers on it (no-op on SQLite). */
  analysisLock: AnalysisLock;
  options: ServerOptions;
  log: ErrorLog;
}

export function createServerContext(store: Store, analysisLock: AnalysisLock, options: ServerOptions, log: ErrorLog): ServerContext {
  let tracer: Promise<ParallelTracer> | null = null;
  return {
    store,
    engine: sharedEngine,
    tracer: () =>
      (tracer ??= Promise.all([analysisModules(), sharedEngine()]).then(([m, engine]) => new m.ParallelTracer(engine, { threads: options.traceThreads }))),
    closeTracer: async () => {
      const t = tracer;
      tracer = null;
      if (t) await (await t).close();
    },
    gate: new AnalysisGate(options.maxPendingAnalyses),
    analysisLock,
    options,
    log,
  };
}

/** An article's metadata without its text (lists, related articles). */
export function summaryOf(a: Article): ArticleSummary & { url: string | null } {
  return { id: a.id, source: a.source, title: a.title, outlet: a.outlet, author: a.author, published: a.published, url: a.url, chars: a.text.length };
}

/** Summaries of some stored articles by id, for pages that name them. */
export async function summariesOf(store: Store, ids: Iterable<string>): Promise<Record<string, ArticleSummary & { url: string | null }>> {
  const out: Record<string, ArticleSummary & { url: string | null }> = {};
  for (const id of [...new Set(ids)].sort()) {
    const a = await store.getArticle(id);
    if (a) out[id] = summaryOf(a);
  }
  return out;
}

/** Refuses a text too long for one interactive analysis (the CPU time grows with it). */
export function checkTextSize(ctx: ServerContext, article: Article): void {
  if (article.text.length > ctx.options.maxTextChars) {
    throw new UserError('too_large', `the text has ${article.text.length} characters; at most ${ctx.options.maxTextChars} are analysed per request`);
  }
}
