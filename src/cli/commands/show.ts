/** `storytrace show <id>`: one article's metadata, clean text, and the boilerplate set apart. */
import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import type { Article } from '../../types.js';
import { writeJson, writeLine, withStore, type CliContext, type OutStream, type RegisterCommand } from '../context.js';
import { cleanParagraphs, cut, formatTable } from '../format.js';

export const registerShow: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('show')
    .description('show one article: metadata, clean text, and the boilerplate set apart')
    .argument('<id>', 'article id, or a unique prefix of at least 4 characters')
    .option('--json', 'print the whole stored article as JSON')
    .action((id: string, flags: { json?: boolean }) => showArticle(ctx, id, flags));
};

async function showArticle(ctx: CliContext, id: string, flags: { json?: boolean }): Promise<void> {
  const article = await withStore(ctx, { readonly: true }, (store) => store.getArticle(id));
  if (article === null) throw new UserError('not_found', `no article with id "${id}" in ${ctx.dbSpec()}`);
  if (flags.json) writeJson(ctx.io.stdout, article);
  else printArticle(ctx.io.stdout, article);
}

function printArticle(out: OutStream, a: Article): void {
  const meta = [
    ['id', a.id],
    ['title', a.title ?? '-'],
    ['outlet', a.outlet ?? '-'],
    ['author', a.author ?? '-'],
    ['published', a.published ?? '-'],
    ['url', a.url ?? '-'],
    ['source', a.source],
    ['size', `${a.text.length} characters, ${a.paragraphs.length} paragraphs, ${a.sentences.length} sentences`],
  ];
  for (const line of formatTable(meta)) writeLine(out, line);
  writeLine(out);
  writeLine(out, '--- text (boilerplate removed) ---');
  for (const paragraph of cleanParagraphs(a)) {
    writeLine(out, paragraph);
    writeLine(out);
  }
  writeLine(out, `--- boilerplate (${a.boilerplate.length}) ---`);
  const spans = [...a.boilerplate].sort((x, y) => x.start - y.start);
  const rows = spans.map((s) => [s.kind, `${s.start}-${s.end}`, cut(a.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim(), 100)]);
  for (const line of formatTable(rows)) writeLine(out, line);
}
