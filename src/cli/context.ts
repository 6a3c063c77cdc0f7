/**
 * What a command gets from the program: where to write, which database, how to report a
 * partial failure. Commands never touch process.* directly, so tests can run them in-process.
 */
import type { Command } from 'commander';
import { openStore, type OpenStoreOptions } from '../store/open.js';
import type { Store } from '../store/store.js';

/** A place to write text (process.stdout, or a buffer in tests). */
export interface OutStream {
  write(chunk: string): unknown;
  /** True when a person is watching: progress bars and truncation only then. */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** What `add -` reads; absent means the process's standard input. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export interface CliContext {
  readonly io: CliIO;
  /** The database spec: --db, else $STORYTRACE_DB, else ./storytrace.db. */
  dbSpec(): string;
  /** Raises the exit code of a command that finished but partly failed (the highest wins). */
  setExitCode(code: number): void;
}

/** Adds one command to the program. Every file under commands/ exports one of these. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const DEFAULT_DB = 'storytrace.db';

/** Opens the store named by --db, runs `work`, and always closes it. */
export async function withStore<T>(
  ctx: CliContext,
  options: OpenStoreOptions,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(ctx.dbSpec(), options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Writes one line to a stream. */
export function writeLine(stream: OutStream, line = ''): void {
  stream.write(line + '\n');
}

/** JSON for --json output: two-space indented, newline-terminated. */
export function writeJson(stream: OutStream, value: unknown): void {
  stream.write(JSON.stringify(value, null, 2) + '\n');
}
