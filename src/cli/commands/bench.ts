/** `storytrace bench`: the speed and scale benchmark on a generated corpus (bench/run.ts). */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { writeJson, writeLine, type CliContext, type RegisterCommand } from '../context.js';

interface BenchFlags {
  docs: string;
  seed: string;
  workers?: string;
  json?: boolean;
  traces?: string;
  tmp?: string;
  keep?: boolean;
}

function count(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} wants a whole number ≥ ${min}, got "${value}"`);
  return n;
}

/** The --tmp folder, checked before hours of work start: it must exist (it is not created). */
function folder(flag: string, dir: string | undefined): string | null {
  if (dir === undefined) return null;
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${flag} ${dir}: no such folder`);
  if (!stat.isDirectory()) throw new UsageError(`${flag} ${dir}: not a folder`);
  return dir;
}

export const registerBench: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('bench')
    .description('generate a synthetic news corpus with injected copies and measure ingest, candidates, relations and trace on it')
    .option('--docs <n>', 'documents to generate and ingest', '10000')
    .option('--seed <s>', 'corpus seed (same seed, same corpus)', '1')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--traces <n>', 'new articles traced for latency', '50')
    .option('--tmp <dir>', 'folder for the temporary database')
    .option('--keep', 'keep the database and print its path')
    .option('--json', 'print the measurements as JSON')
    .action(async (flags: BenchFlags) => {
      const { runBench } = await import('../../../bench/run.js');
      const { formatBench } = await import('../../../bench/report.js');
      const result = await runBench(
        {
          docs: count('--docs', flags.docs, 100),
          seed: count('--seed', flags.seed, 0),
          workers: flags.workers === undefined ? 0 : count('--workers', flags.workers, 1),
          traces: count('--traces', flags.traces ?? '50', 1),
          tmp: folder('--tmp', flags.tmp),
          keep: !!flags.keep,
        },
        (line) => writeLine(ctx.io.stderr, line),
      );
      if (flags.json) writeJson(ctx.io.stdout, result);
      else for (const line of formatBench(result)) writeLine(ctx.io.stdout, line);
    });
};
