/** POST /api/articles, GET /api/articles, GET /api/articles/:id. */
import type { Hono } from 'hono';
import { InputError, UserError } from '../errors.js';
import { analysisModules } from './lazy.js';
import type { ServerContext } from './context.js';
import { badRequest, notFound } from './errors.js';
import { documentsFromRequest } from './input.js';

interface AddReport {
  added: Array<{ id: string; source: string; title: string | null }>;
  duplicates: Array<{ id: string; source: string; duplicate_of: string }>;
  errors: Array<{ source: string; message: string }>;
}

/** Stores each document; a bad one is reported and the rest go on (as `storytrace add`). */
async function addDocuments(ctx: ServerContext, items: Awaited<ReturnType<typeof documentsFromRequest>>): Promise<AddReport> {
  const report: AddReport = { added: [], duplicates: [], errors: [] };
  const engine = await ctx.engine();
  const { StoreCandidateIndex, prepareArticle, storeArticle } = await analysisModules();
  const index = new StoreCandidateIndex(ctx.store, engine.options.index);
  for (const item of items) {
    if (item instanceof InputError) {
      report.errors.push({ source: item.file, message: item.message });
      continue;
    }
    try {
      const article = prepareArticle(item);
      const e = await storeArticle(ctx.store, index, engine, article);
      if (e.kind === 'added') report.added.push({ id: e.id, source: e.source, title: e.title });
      else if (e.kind === 'duplicate') report.duplicates.push({ id: e.id, source: e.source, duplicate_of: e.duplicateOf });
    } catch (err) {
      if (!(err instanceof UserError) || err.code === 'store') throw err;
      report.errors.push({ source: item.source, message: err.message });
    }
  }
  return report;
}

function intParam(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`expected a whole number, got "${value.slice(0, 20)}"`);
  return Math.min(n, max);
}

export function articleRoutes(app: Hono, ctx: ServerContext): void {
  app.post('/api/articles', async (c) => {
    const items = await documentsFromRequest(c);
    const report = await ctx.gate.run(() => addDocuments(ctx, items));
    return c.json(report, report.added.length > 0 ? 201 : 200);
  });

  app.get('/api/articles', async (c) => {
    const limit = intParam(c.req.query('limit'), 100, 1000);
    const offset = intParam(c.req.query('offset'), 0, Number.MAX_SAFE_INTEGER);
    const [total, articles] = await Promise.all([ctx.store.countArticles(), ctx.store.listArticles({ limit, offset })]);
    return c.json({ total, limit, offset, articles });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f]{4,64}$/i.test(id)) throw notFound(`article ${id.slice(0, 64)}`);
    const article = await ctx.store.getArticle(id.toLowerCase());
    if (!article) throw notFound(`article ${id}`);
    return c.json(article);
  });
}
