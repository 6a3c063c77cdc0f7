/** `storytrace compact`: the candidate index merged into one part, for faster look-ups. */
import type { Command } from 'commander';
import { writeJson, writeLine, withStore, type CliContext, type RegisterCommand } from '../context.js';

interface CompactFlags {
  json?: boolean;
}

export const registerCompact: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('compact')
    .description('merge the candidate index into one part (after large adds: trace and add look-ups read fewer blocks)')
    .option('--json', 'print the parts before and after as JSON')
    .action((flags: CompactFlags) => compact(ctx, flags));
};

async function compact(ctx: CliContext, flags: CompactFlags): Promise<void> {
  const started = performance.now();
  const parts = await withStore(ctx, { existing: true }, (store) => store.compactIndex());
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (flags.json) {
    writeJson(ctx.io.stdout, parts === null ? { compacted: false } : { compacted: true, ...parts, seconds });
    return;
  }
  if (parts === null) writeLine(ctx.io.stdout, `${ctx.dbSpec()}: nothing to compact (this backend's index is one table)`);
  else writeLine(ctx.io.stdout, `index parts: ${parts.before} -> ${parts.after} (${seconds} s)`);
}
