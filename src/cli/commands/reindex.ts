/** `storytrace reindex`: fingerprints and bucket keys for stored articles that have none. */
import type { Command } from 'commander';
import { writeJson, writeLine, withStore, type CliContext, type RegisterCommand } from '../context.js';
import { Progress } from '../progress.js';

interface ReindexFlags {
  json?: boolean;
}

export const registerReindex: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('reindex')
    .description('build the candidate index of stored articles that have none (after a schema upgrade)')
    .option('--json', 'print the counts as JSON')
    .action((flags: ReindexFlags) => reindex(ctx, flags));
};

async function reindex(ctx: CliContext, flags: ReindexFlags): Promise<void> {
  const { reindexStore } = await import('../../engine/reindex.js');
  const { DEFAULT_INDEX_PARAMS } = await import('../../fingerprint/params.js');
  const progress = new Progress(ctx.io.stderr);
  let last = { seen: 0, indexed: 0 };
  await withStore(ctx, { existing: true }, async (store) => {
    for await (const p of reindexStore(store, DEFAULT_INDEX_PARAMS)) {
      last = p;
      progress.update(`reindex: ${p.seen} articles read, ${p.indexed} indexed`);
    }
  });
  progress.clear();
  if (flags.json) writeJson(ctx.io.stdout, last);
  else writeLine(ctx.io.stdout, `articles ${last.seen}, indexed ${last.indexed}`);
}
