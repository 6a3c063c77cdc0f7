/**
 * `storytrace worker --db postgres://…`: takes jobs (ingest, analyze) from the queue in the
 * database until SIGINT or SIGTERM, then finishes the jobs it holds and exits. Run any number
 * of these, on any number of machines, against one database.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../../errors.js';
import { writeLine, type CliContext, type RegisterCommand } from '../context.js';

interface WorkerFlags {
  concurrency: number;
  pollMs: number;
  maxAttempts: number;
  leaseMs: number;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export const POSTGRES_SPEC = /^postgres(ql)?:\/\//i;

/** The database spec, refused unless it is a PostgreSQL URL (the queue lives there). */
export function queueSpec(ctx: CliContext, command: string): string {
  const spec = ctx.dbSpec();
  if (!POSTGRES_SPEC.test(spec)) {
    throw new UserError('usage', `${command} needs a PostgreSQL database (--db postgres://…); the job queue lives there`);
  }
  return spec;
}

export const registerWorker: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('worker')
    .description('process queued jobs (ingest, analyze) from a PostgreSQL database until stopped')
    .option('--concurrency <n>', 'jobs to run at once in this process', positive, 1)
    .option('--poll-ms <ms>', 'wait between looks at an empty queue', positive, 500)
    .option('--max-attempts <n>', 'failed runs before a job is set aside as failed', positive, 3)
    .option('--lease-ms <ms>', 'how long an ingest job stays with a worker that stopped answering', positive, 30_000)
    .action((flags: WorkerFlags) => work(ctx, flags));
};

async function work(ctx: CliContext, flags: WorkerFlags): Promise<void> {
  const spec = queueSpec(ctx, 'worker');
  const { runWorker } = await import('../../queue/worker.js');
  const stopping = new AbortController();
  // A long-running command must hear signals: the first stops after the current jobs, a
  // second one stops at once.
  const onSignal = (name: string) => {
    if (stopping.signal.aborted) process.exit(130);
    writeLine(ctx.io.stderr, `storytrace worker: ${name}: finishing the current jobs (again to stop now)`);
    stopping.abort();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    const log = (line: string) => writeLine(ctx.io.stderr, `storytrace worker: ${line}`);
    const summary = await runWorker(
      spec,
      stopping.signal,
      { concurrency: flags.concurrency, pollMs: flags.pollMs, queue: { maxAttempts: flags.maxAttempts, leaseMs: flags.leaseMs } },
      log,
    );
    writeLine(ctx.io.stdout, `worker ${summary.id}: ${summary.done} jobs done, ${summary.failed} failed attempts`);
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
