/** `storytrace stories`, `storytrace story <id>`, `storytrace quotes`: results of `analyze`. */
import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import type { Story } from '../../story/build.js';
import { toDot } from '../../story/graph.js';
import type { QuoteGroup } from '../../story/quote-match.js';
import type { Store } from '../../store/store.js';
import { writeJson, writeLine, withStore, type CliContext, type RegisterCommand } from '../context.js';
import { renderStoryDetail, renderStorySummary } from '../render-story.js';
import { QUOTES_SETTING } from '../../engine/settings.js';

interface Flags {
  json?: boolean;
  dot?: boolean;
}

async function loadStories(store: Store): Promise<Story[]> {
  return (await store.getStories()).map((s) => s.data as Story);
}

async function docMap(store: Store) {
  const list = await store.listArticles({});
  return new Map(list.map((d) => [d.id, { ...d, path: d.source }]));
}

export const registerStories: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('stories')
    .description('list stories found by the last analyze (clusters of articles about one event)')
    .option('--json', 'print stories as JSON')
    .action((flags: Flags) =>
      withStore(ctx, { readonly: true }, async (store) => {
        const stories = await loadStories(store);
        if (flags.json) return writeJson(ctx.io.stdout, stories);
        if (stories.length === 0) return writeLine(ctx.io.stderr, 'no stories yet; run: storytrace analyze <paths>');
        const docs = await docMap(store);
        for (const s of stories) renderStorySummary(ctx.io.stdout, s, docs);
      }),
    );
  program
    .command('story')
    .description('one story: members, derivation graph, timeline, hidden source text')
    .argument('<id>', 'story id (or a unique prefix), or the id of a member article')
    .option('--json', 'print the story as JSON')
    .option('--dot', 'print the derivation graph as Graphviz DOT')
    .action((id: string, flags: Flags) =>
      withStore(ctx, { readonly: true }, async (store) => {
        const stories = await loadStories(store);
        const found = stories.filter((s) => s.id.startsWith(id) || s.members.some((m) => m.startsWith(id)));
        if (found.length === 0) throw new UserError('not_found', `${id}: no story or member article with this id`);
        if (found.length > 1) throw new UserError('ambiguous', `${id}: matches ${found.length} stories; give more of the id`);
        const s = found[0];
        if (flags.dot) return void ctx.io.stdout.write(toDot(s.graph, s.id));
        if (flags.json) return writeJson(ctx.io.stdout, s);
        renderStoryDetail(ctx.io.stdout, s, await docMap(store));
      }),
    );
  program
    .command('quotes')
    .description('quotes found by the last analyze, with every article that carried them, verbatim or altered')
    .option('--json', 'print quote groups as JSON')
    .option('--all', 'include quotes carried by one article only')
    .action((flags: Flags & { all?: boolean }) =>
      withStore(ctx, { readonly: true }, async (store) => {
        const raw = await store.getSetting(QUOTES_SETTING);
        const groups = (raw ? (JSON.parse(raw) as QuoteGroup[]) : []).filter((g) => flags.all || new Set(g.occurrences.map((o) => o.document)).size > 1);
        if (flags.json) return writeJson(ctx.io.stdout, groups);
        if (groups.length === 0) return writeLine(ctx.io.stderr, 'no shared quotes; run: storytrace analyze <paths> (or use --all)');
        const docs = await docMap(store);
        for (const g of groups) {
          writeLine(ctx.io.stdout, `"${g.text}"${g.speaker ? ` - ${g.speaker}` : ''}`);
          for (const o of g.occurrences) {
            const d = docs.get(o.document);
            writeLine(ctx.io.stdout, `  ${o.kind.padEnd(8)} ${o.document.slice(0, 8)} ${d?.outlet ?? ''} ${d?.title ?? d?.path ?? ''}`.trimEnd());
            for (const c of o.changes ?? []) writeLine(ctx.io.stdout, `           "${c.from}" -> "${c.to}"`);
          }
        }
      }),
    );
};
