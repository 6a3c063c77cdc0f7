/**
 * `storytrace add <paths...>`: reads files, folders, JSON lines or stdin, prepares each document
 * and stores it. A bad input is reported on one line and the batch goes on; the exit code is 1
 * when any input failed. Store failures (read-only, corrupt, disk full) stop the batch: each
 * article is written atomically, so what was added before stays.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError, UserError } from '../../errors.js';
import type { IngestEvent } from '../../engine/ingest.js';
import type { Article, RawDocument } from '../../types.js';
import type { Store } from '../../store/store.js';
import { writeJson, writeLine, withStore, type CliContext, type RegisterCommand } from '../context.js';
import { EXIT_INTERNAL, EXIT_USER, oneLine, reportInternalError } from '../errors.js';
import { Progress } from '../progress.js';

interface AddFlags {
  json?: boolean;
  quiet?: boolean;
  allowPrivate?: boolean;
  queue?: boolean;
  workers?: string;
}

type Prepare = (raw: RawDocument) => Article;
/** Stores a prepared article and indexes it for candidate search (src/engine/ingest.ts). */
type Save = (article: Article) => Promise<IngestEvent>;

/** What `add --json` prints. */
export interface AddReport {
  added: { id: string; source: string; title: string | null }[];
  duplicates: { id: string; source: string; duplicateOf: string }[];
  errors: { source: string; message: string }[];
}

export const registerAdd: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('add')
    .description('add articles from text, HTML or JSON-lines files, folders, or - (standard input)')
    .argument('<paths...>', 'files or folders to read; - reads standard input')
    .option('--json', 'print what was added, skipped and refused as JSON')
    .option('-q, --quiet', 'print only the summary line and errors')
    .option('--allow-private', 'also fetch URLs on private, loopback and link-local addresses')
    .option('--queue', 'with a postgres:// --db: queue the documents for `storytrace worker` and return at once')
    .option('--workers <n>', 'threads that parse, clean and fingerprint (default: one per core from 64 inputs on; 1 = none)')
    .action((paths: string[], flags: AddFlags) => addPaths(ctx, paths, flags));
};

async function addPaths(ctx: CliContext, paths: string[], flags: AddFlags): Promise<void> {
  if (flags.queue) return queuePaths(ctx, paths, flags);
  const asked = workerCount(flags.workers);
  const report: AddReport = { added: [], duplicates: [], errors: [] };
  const batch = new Batch(ctx, flags, report);
  let opened = false;
  // Loaded here, not at the top: other commands start faster without the HTML parsers.
  const { readInputs } = await import('../../ingest/index.js');
  try {
    // Opened first so a bad database is reported before any input is read.
    await withStore(ctx, {}, async (store) => {
      opened = true;
      const inputs = readInputs(paths, { stdin: ctx.io.stdin ?? null, allowPrivate: flags.allowPrivate === true });
      // Without --workers, a small batch stays on this thread: starting workers costs more
      // than it saves under PARALLEL_FROM documents.
      const { head, rest } = await peek(inputs, PARALLEL_FROM);
      const workers = asked ?? (rest === null ? 1 : availableParallelism());
      const all = chain(head, rest);
      if (workers > 1) await addOnWorkers(store, all, workers, batch);
      else await addOnThisThread(store, all, batch);
    });
  } finally {
    // After a store failure mid-batch the summary still says what was stored before it.
    if (opened) batch.finish();
  }
  if (report.errors.length > 0) ctx.setExitCode(batch.internalFailures > 0 ? EXIT_INTERNAL : EXIT_USER);
}

/** Inputs at which `add` without --workers starts worker threads. */
const PARALLEL_FROM = 64;

type Input = RawDocument | InputError;

/** The first `n` inputs, and the rest of the stream (null when it ended before n). */
async function peek(inputs: AsyncIterable<Input>, n: number): Promise<{ head: Input[]; rest: AsyncIterator<Input> | null }> {
  const it = inputs[Symbol.asyncIterator]();
  const head: Input[] = [];
  while (head.length < n) {
    const next = await it.next();
    if (next.done) return { head, rest: null };
    head.push(next.value);
  }
  return { head, rest: it };
}

async function* chain(head: Input[], rest: AsyncIterator<Input> | null): AsyncGenerator<Input> {
  yield* head;
  if (rest === null) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function addOnThisThread(store: Store, inputs: AsyncIterable<Input>, batch: Batch): Promise<void> {
  const { prepareArticle } = await import('../../ingest/index.js');
  const { createEngine } = await import('../../engine/engine.js');
  const { storeArticle } = await import('../../engine/ingest.js');
  const { StoreCandidateIndex } = await import('../../fingerprint/candidates.js');
  const engine = createEngine();
  const index = new StoreCandidateIndex(store, engine.options.index);
  const save: Save = (article) => storeArticle(store, index, engine, article);
  for await (const item of inputs) await batch.take(item, prepareArticle, save);
}

/**
 * The same job on worker threads (src/parallel): they prepare, fingerprint and key documents;
 * this thread reads inputs and writes each batch in input order with one addArticles call.
 */
async function addOnWorkers(store: Store, inputs: AsyncIterable<Input>, workers: number, batch: Batch): Promise<void> {
  const { ingestDocuments } = await import('../../parallel/ingest.js');
  const { DEFAULT_ENGINE_OPTIONS } = await import('../../engine/engine.js');
  for await (const event of ingestDocuments(store, inputs, DEFAULT_ENGINE_OPTIONS, { workers })) batch.record(event);
}

/** --workers: a whole number from 1; undefined when not given. */
export function workerCount(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UserError('bad_option', `--workers: expected a whole number from 1 to 256, got "${flag}"`);
  return n;
}

/** Adds inputs one by one, keeping the report, the per-input lines and the progress line. */
class Batch {
  internalFailures = 0;
  private readonly progress: Progress;

  constructor(
    private readonly ctx: CliContext,
    private readonly flags: AddFlags,
    private readonly result: AddReport,
  ) {
    this.progress = new Progress(ctx.io.stderr);
  }

  async take(item: RawDocument | InputError, prepare: Prepare, save: Save): Promise<void> {
    if (item instanceof InputError) this.refuse(item.file, item.message);
    else await this.addDocument(item, prepare, save);
    this.showProgress();
  }

  /** An event of the parallel path: the same lines and report as take() gives. */
  record(event: IngestEvent): void {
    this.report(event);
    this.showProgress();
  }

  /** Reports one stored, skipped or refused document (both paths end here). */
  private report(event: IngestEvent): void {
    if (event.kind === 'added') {
      this.result.added.push({ id: event.id, source: event.source, title: event.title });
      this.say(`added ${event.id}  ${event.source}`);
    } else if (event.kind === 'duplicate') {
      this.result.duplicates.push({ id: event.id, source: event.source, duplicateOf: event.duplicateOf });
      this.say(`skipped ${event.source}: duplicate of ${event.duplicateOf}`);
    } else if (event.message.startsWith('internal error: ')) {
      this.internalFailures++;
      this.progress.clear();
      reportInternalError(new Error(`${event.source}: ${event.message.slice('internal error: '.length)}`), this.ctx.io);
      this.result.errors.push({ source: event.source, message: oneLine(event.message) });
    } else {
      this.refuse(event.source, event.message.startsWith(event.source) ? event.message : `${event.source}: ${event.message}`);
    }
  }

  private showProgress(): void {
    const { added, duplicates, errors } = this.result;
    this.progress.update(`adding: ${added.length} added, ${duplicates.length} duplicates, ${errors.length} errors`);
  }

  private async addDocument(raw: RawDocument, prepare: Prepare, save: Save): Promise<void> {
    const article = this.prepareOrReport(raw, prepare);
    if (article === null) return;
    this.report({ ...(await save(article)), source: raw.source });
  }

  /** The prepared article, or null after reporting why the document was refused. */
  private prepareOrReport(raw: RawDocument, prepare: Prepare): Article | null {
    try {
      return prepare(raw);
    } catch (err) {
      if (err instanceof UserError) {
        const named = err.message.startsWith(`${raw.source}: `) ? err.message : `${raw.source}: ${err.message}`;
        this.refuse(raw.source, named);
        return null;
      }
      // A bug while preparing one document: say so, keep going, exit 70 at the end.
      const message = err instanceof Error ? err.message : String(err);
      this.internalFailures++;
      this.progress.clear();
      reportInternalError(new Error(`${raw.source}: ${message}`), this.ctx.io);
      this.result.errors.push({ source: raw.source, message: `internal error: ${oneLine(message)}` });
      return null;
    }
  }

  private refuse(source: string, message: string): void {
    this.result.errors.push({ source, message: oneLine(message) });
    this.progress.clear();
    writeLine(this.ctx.io.stderr, `storytrace: ${oneLine(message)}`);
  }

  private say(line: string): void {
    if (this.flags.json || this.flags.quiet) return;
    this.progress.clear();
    writeLine(this.ctx.io.stdout, line);
  }

  finish(): void {
    this.progress.clear();
    const { added, duplicates, errors } = this.result;
    if (this.flags.json) writeJson(this.ctx.io.stdout, this.result);
    else writeLine(this.ctx.io.stdout, `added ${added.length}, duplicates ${duplicates.length}, errors ${errors.length}`);
  }
}

/** `add --queue`: the documents become jobs for `storytrace worker` (src/queue/enqueue.ts). */
async function queuePaths(ctx: CliContext, paths: string[], flags: AddFlags): Promise<void> {
  const { queueSpec } = await import('./worker.js');
  const { enqueueInputs } = await import('../../queue/enqueue.js');
  const spec = queueSpec(ctx, 'add --queue');
  const report = await enqueueInputs(spec, paths, { stdin: ctx.io.stdin ?? null, allowPrivate: flags.allowPrivate === true });
  for (const e of report.errors) writeLine(ctx.io.stderr, `storytrace: ${oneLine(e.message)}`);
  if (flags.json) writeJson(ctx.io.stdout, report);
  else writeLine(ctx.io.stdout, `queued ${report.queued}, errors ${report.errors.length}`);
  if (report.errors.length > 0) ctx.setExitCode(EXIT_USER);
}
