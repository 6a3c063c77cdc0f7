/** GET /api/stories, GET /api/stories/:id, GET /api/quotes: results of the last analysis. */
import type { Hono } from 'hono';
import { UserError } from '../errors.js';
import type { Story } from '../story/build.js';
import type { QuoteGroup } from '../story/quote-match.js';
import { QUOTES_SETTING_KEY } from './lazy.js';
import { summariesOf, type ServerContext } from './context.js';
import { notFound } from './errors.js';

async function loadStories(ctx: ServerContext): Promise<Story[]> {
  return (await ctx.store.getStories()).map((s) => s.data as Story);
}

/** What the stories list shows of one story. */
function storySummary(s: Story) {
  const hidden = s.hidden_sources[0] ?? null;
  return {
    id: s.id,
    title: s.title,
    size: s.members.length,
    first_published: s.first_published,
    last_published: s.last_published,
    outlets: s.outlets,
    hidden_source: hidden ? { id: hidden.id, name: hidden.name, copies: hidden.copies.length } : null,
    uncredited: s.credits.filter((c) => c.credits === false).length,
  };
}

export function storyRoutes(app: Hono, ctx: ServerContext): void {
  app.get('/api/stories', async (c) => {
    const all = c.req.query('all') === '1' || c.req.query('all') === 'true';
    const stories = (await loadStories(ctx)).filter((s) => all || s.members.length > 1);
    stories.sort((x, y) => y.members.length - x.members.length || (y.last_published ?? '').localeCompare(x.last_published ?? '') || x.id.localeCompare(y.id));
    return c.json({ stories: stories.map(storySummary) });
  });

  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const stories = await loadStories(ctx);
    const exact = stories.find((s) => s.id === id);
    const found = exact ? [exact] : stories.filter((s) => id.length >= 4 && (s.id.startsWith(id) || s.members.some((m) => m.startsWith(id))));
    if (found.length === 0) throw notFound(`story ${id.slice(0, 64)}`);
    if (found.length > 1) throw new UserError('ambiguous', `${id.slice(0, 64)}: matches ${found.length} stories; give more of the id`);
    const story = found[0];
    return c.json({ story, articles: await summariesOf(ctx.store, story.members) });
  });

  app.get('/api/quotes', async (c) => {
    const all = c.req.query('all') === '1' || c.req.query('all') === 'true';
    const raw = await ctx.store.getSetting(QUOTES_SETTING_KEY);
    const groups = (raw ? (JSON.parse(raw) as QuoteGroup[]) : []).filter((g) => all || new Set(g.occurrences.map((o) => o.document)).size > 1);
    const ids = [...new Set(groups.flatMap((g) => g.occurrences.map((o) => o.document)))].sort();
    const texts = new Map<string, string>();
    for (const id of ids) texts.set(id, (await ctx.store.getArticle(id))?.text ?? '');
    // Each occurrence with its own words, so a page can show an altered version as carried.
    const quotes = groups.map((g) => ({ ...g, occurrences: g.occurrences.map((o) => ({ ...o, text: texts.get(o.document)!.slice(o.start, o.end) })) }));
    return c.json({ quotes, articles: await summariesOf(ctx.store, ids) });
  });
}
