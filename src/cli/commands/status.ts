/**
 * `storytrace status --db postgres://…`: the job queue at a glance: jobs by state and kind,
 * jobs finished in the last minute and hour, failed jobs with their errors, live workers.
 */
import type { Command } from 'commander';
import type { QueueStatus } from '../../queue/queue.js';
import { writeJson, writeLine, type CliContext, type RegisterCommand } from '../context.js';
import { formatTable } from '../format.js';
import { queueSpec } from './worker.js';

interface StatusFlags {
  json?: boolean;
}

export const registerStatus: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('status')
    .description('show the job queue of a PostgreSQL database: depth, throughput, failures, workers')
    .option('--json', 'print the status as JSON')
    .action((flags: StatusFlags) => showStatus(ctx, flags));
};

async function showStatus(ctx: CliContext, flags: StatusFlags): Promise<void> {
  const spec = queueSpec(ctx, 'status');
  const { PgJobQueue } = await import('../../queue/pg-queue.js');
  // Read-only: looking at the queue never creates or upgrades a database.
  const queue = await PgJobQueue.open(spec, {}, 2, true);
  let status: QueueStatus;
  try {
    status = await queue.status();
  } finally {
    await queue.close();
  }
  if (flags.json) writeJson(ctx.io.stdout, status);
  else printStatus(ctx, status);
}

function printStatus(ctx: CliContext, status: QueueStatus): void {
  const out = (line = '') => writeLine(ctx.io.stdout, line);
  const states = ['queued', 'running', 'done', 'failed'] as const;
  const rows = [['KIND', ...states.map((s) => s.toUpperCase())]];
  for (const kind of ['ingest', 'analyze'] as const) {
    const n = (state: string) => status.counts.find((c) => c.kind === kind && c.state === state)?.jobs ?? 0;
    rows.push([kind, ...states.map((s) => String(n(s)))]);
  }
  for (const line of formatTable(rows, 0)) out(line);
  out();
  out(`done: ${status.throughput.lastMinute} in the last minute, ${status.throughput.lastHour} in the last hour`);
  out();
  const live = status.workers.filter((w) => !w.stopped);
  out(`workers: ${live.length} live${status.workers.length > live.length ? `, ${status.workers.length - live.length} stopped recently` : ''}`);
  for (const w of status.workers) {
    out(`  ${w.id}  ${w.stopped ? 'stopped' : 'seen'} ${w.seenSecondsAgo}s ago, ${w.jobsDone} jobs done`);
  }
  out();
  out(`failed jobs: ${status.failures.length === 0 ? 'none' : status.failures.length}`);
  for (const f of status.failures) out(`  job ${f.id} ${f.kind} ${f.what} (${f.attempts} attempts): ${f.error}`);
}
