/** POST /api/trace, POST /api/compare, POST /api/analyze: the calls that run the engine. */
import type { Hono } from 'hono';
import { analysisModules } from './lazy.js';
import type { Article } from '../types.js';
import { checkTextSize, summariesOf, type ServerContext } from './context.js';
import { badRequest, notFound } from './errors.js';
import { documentFromJson, oneDocumentFromRequest } from './input.js';
import { StoreAnalyses } from './store-analyses.js';

/** One side of a comparison: {id} of a stored article, or {text|html, …metadata} pasted. */
async function resolveSide(ctx: ServerContext, value: unknown, name: 'a' | 'b'): Promise<Article> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest(`"${name}" must be an object: {id} or {text} or {html}`);
  const side = value as Record<string, unknown>;
  if (typeof side.id === 'string') {
    const found = /^[0-9a-f]{4,64}$/i.test(side.id) ? await ctx.store.getArticle(side.id.toLowerCase()) : null;
    if (!found) throw notFound(`article ${side.id.slice(0, 64)}`);
    return found;
  }
  const raw = documentFromJson(side, name);
  if (raw instanceof Error) throw badRequest(raw.message);
  const article = (await analysisModules()).prepareArticle(raw);
  checkTextSize(ctx, article);
  return article;
}

/** Quotes carried by both texts, with each side's span and whether it was altered. */
export async function sharedQuotes(a: Article, b: Article) {
  const { extractQuotes, matchQuotes } = await analysisModules();
  const docs = [a, b].map((x, i) => ({ id: i === 0 ? 'a' : 'b', text: x.text, quotes: extractQuotes(x.text, x.sentences).filter((q) => !q.short) }));
  return matchQuotes(docs)
    .filter((g) => new Set(g.occurrences.map((o) => o.document)).size === 2)
    .map((g) => ({
      text: g.text,
      speaker: g.speaker,
      occurrences: g.occurrences.map((o) => ({ side: o.document, start: o.start, end: o.end, kind: o.kind, quoted: o.quoted, changes: o.changes ?? [] })),
    }));
}

async function readJson(req: { text(): Promise<string> }): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await req.text());
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('the body must be a JSON object');
  return value as Record<string, unknown>;
}

export function analysisRoutes(app: Hono, ctx: ServerContext): void {
  app.post('/api/trace', async (c) => {
    const raw = await oneDocumentFromRequest(c);
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 20, 1), 100);
    const { prepareArticle } = await analysisModules();
    const article = prepareArticle(raw);
    checkTextSize(ctx, article);
    const tracer = await ctx.tracer();
    const relations = await ctx.gate.run(() => tracer.trace(ctx.store, article, { limit }));
    const others = await summariesOf(ctx.store, relations.map((r) => r.b));
    return c.json({ article, relations: relations.map((r) => ({ ...r, other: others[r.b] ?? null })) });
  });

  app.post('/api/compare', async (c) => {
    const body = await readJson(c.req);
    const a = await resolveSide(ctx, body.a, 'a');
    const b = await resolveSide(ctx, body.b, 'b');
    const { compareArticles } = await analysisModules();
    const engine = await ctx.engine();
    const result = await ctx.gate.run(async () => ({ relation: compareArticles(engine, a, b), quotes: await sharedQuotes(a, b) }));
    return c.json({ relation: result.relation, a, b, quotes: result.quotes });
  });

  const analyses = new StoreAnalyses(ctx.analysisLock, ctx.gate, () => analyzeWholeStore(ctx));
  app.post('/api/analyze', async (c) => c.json(await analyses.request()));
}

/** analyzeStore over the whole store, summarised for the API (called under the analysis lock). */
async function analyzeWholeStore(ctx: ServerContext) {
  const started = Date.now();
  const { analyzeStore } = await analysisModules();
  const result = await analyzeStore(await ctx.engine(), ctx.store);
  return {
    articles: result.documents.length,
    relations: result.relations.length,
    computed: result.computed,
    stories: result.stories.length,
    stories_with_several_articles: result.stories.filter((s) => s.members.length > 1).length,
    hidden_sources: result.stories.reduce((n, s) => n + s.hidden_sources.length, 0),
    shared_quotes: result.quotes.filter((q) => new Set(q.occurrences.map((o) => o.document)).size > 1).length,
    ms: Date.now() - started,
  };
}
