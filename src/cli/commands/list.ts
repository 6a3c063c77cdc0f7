/** `storytrace list`: the stored articles, oldest first. */
import { InvalidArgumentError, type Command } from 'commander';
import { writeJson, writeLine, withStore, type CliContext, type RegisterCommand } from '../context.js';
import { cut, formatTable, shortDate } from '../format.js';

interface ListFlags {
  json?: boolean;
  limit?: number;
  offset?: number;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export const registerList: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('list')
    .description('list stored articles (id, date, outlet, title), by date then id')
    .option('--json', 'print the articles as a JSON array')
    .option('--limit <n>', 'show at most n articles', wholeNumber)
    .option('--offset <n>', 'skip the first n articles', wholeNumber)
    .action((flags: ListFlags) => listArticles(ctx, flags));
};

async function listArticles(ctx: CliContext, flags: ListFlags): Promise<void> {
  const { stdout, stderr } = ctx.io;
  const summaries = await withStore(ctx, { readonly: true }, (store) =>
    store.listArticles({ limit: flags.limit, offset: flags.offset }),
  );
  if (flags.json) {
    writeJson(stdout, summaries);
    return;
  }
  if (summaries.length === 0) {
    writeLine(stderr, `no articles in ${ctx.dbSpec()}${flags.offset ? ' at this offset' : ''}; add some with: storytrace add <paths>`);
    return;
  }
  const rows = [['ID', 'DATE', 'OUTLET', 'TITLE']];
  for (const s of summaries) {
    rows.push([s.id, shortDate(s.published), cut(s.outlet ?? '-', 24), s.title ?? '(untitled)']);
  }
  // Cut titles to the terminal's width; piped output keeps them whole.
  const width = stdout.isTTY ? (stdout.columns ?? 100) : 0;
  for (const line of formatTable(rows, width)) writeLine(stdout, line);
}
