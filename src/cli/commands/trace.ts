/** `storytrace trace <file|id>`: the stored articles related to one text, strongest first. */
import type { Command } from 'commander';
import { writeJson, writeLine, withStore, type CliContext, type RegisterCommand } from '../context.js';

interface TraceFlags {
  json?: boolean;
  limit?: string;
  all?: boolean;
}

export const registerTrace: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('trace')
    .description('the stored articles related to a text (a file, - for stdin, or a stored id): sources, copies, same-event reports')
    .argument('<text>', 'a file, - (standard input), or the id of a stored article')
    .option('--json', 'print the relations as a JSON array')
    .option('--limit <n>', 'at most n related articles', '20')
    .option('--all', 'include candidates judged unrelated')
    .action((arg: string, flags: TraceFlags) =>
      withStore(ctx, { readonly: true }, async (store) => {
        // Loaded here, not at the top: other commands start faster without the engine.
        const { createEngine } = await import('../../engine/engine.js');
        const { traceArticle } = await import('../../engine/trace.js');
        const { articleFromArg } = await import('../load-article.js');
        const { pairJson } = await import('./compare-run.js');
        const engine = createEngine();
        const article = await articleFromArg(arg, async () => store);
        const rels = await traceArticle(engine, store, article, { limit: Number(flags.limit) || 20, includeUnrelated: !!flags.all });
        if (flags.json) return writeJson(ctx.io.stdout, rels.map((r) => pairJson(r, arg, r.b)));
        if (rels.length === 0) return writeLine(ctx.io.stdout, 'no related articles in the store');
        for (const r of rels) {
          const other = await store.getArticle(r.b);
          const dir = r.direction === 'a->b' ? 'this is its source' : r.direction === 'b->a' ? 'source of this' : '';
          writeLine(ctx.io.stdout, `${r.relation.padEnd(14)} ${r.b.slice(0, 12)}  reuse ${Math.round(r.share_a * 100)}% / ${Math.round(r.share_b * 100)}%  ${dir.padEnd(18)} ${other?.title ?? other?.source ?? ''}`);
        }
      }),
    );
};
