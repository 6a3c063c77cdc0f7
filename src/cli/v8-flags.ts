/**
 * V8 settings for the storytrace process, applied by main.ts before any command runs (and by
 * the trace benchmarks, to measure what the CLI runs). V8 flags are process-wide: worker
 * threads share them.
 *
 * Allocation-site pretenuring off. V8 watches each allocation site and, once enough of its
 * objects survive a young-generation collection, allocates that site's objects straight into the
 * old generation. A trace keeps candidate texts' token arrays alive (a cache of recent bases,
 * and every token of a trace until it ends), so V8 soon pretenures the site that builds token
 * objects; from then on every token of every later text, most of them short-lived, lands in the
 * old generation and costs a full marking to free. `add` and `trace` with and without it are
 * compared in bench/RESULTS.md. Library users who trace or add many articles in one process can
 * pass the same flag to node (`node --no-allocation-site-pretenuring`).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Whether to turn pretenuring off: yes, unless node was started with
 * `--allocation-site-pretenuring`, which asks for V8's default and is how the benchmarks
 * compare the two. (Node refuses V8 flags in NODE_OPTIONS, so its command line is the one place.)
 */
export function pretenuringOff(execArgv: readonly string[]): boolean {
  return !execArgv.some((arg) => arg.replace(/_/g, '-') === '--allocation-site-pretenuring');
}

export function applyV8Flags(): void {
  if (pretenuringOff(process.execArgv)) setFlagsFromString('--no-allocation-site-pretenuring');
}
