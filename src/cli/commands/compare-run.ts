/** `storytrace compare <a> <b>` and `compare --batch pairs.tsv`: the relation of two texts. (implementation; loaded when the command runs) */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { compareArticles, createEngine, type Engine } from '../../engine/engine.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import type { Article, PairRelation } from '../../types.js';
import { writeJson, writeLine, type CliContext, type RegisterCommand } from '../context.js';
import { articleFromArg } from '../load-article.js';
import { renderPair } from '../render-pair.js';

export interface CompareFlags {
  json?: boolean;
  batch?: string;
  passages?: string;
}


/** A store opened only when an argument turns out to be an id. */
function lazyStore(ctx: CliContext): { get: () => Promise<Store>; close: () => Promise<void> } {
  let store: Promise<Store> | null = null;
  return {
    get: () => (store ??= openStore(ctx.dbSpec(), { readonly: true })),
    close: async () => {
      if (store) await (await store).close();
    },
  };
}

/** The JSON line of one compared pair: the relation with the arguments as given. */
export function pairJson(rel: PairRelation, aArg: string, bArg: string): Record<string, unknown> {
  return { ...rel, a: aArg, b: bArg, a_id: rel.a, b_id: rel.b };
}

export async function runCompare(ctx: CliContext, a: string | undefined, b: string | undefined, flags: CompareFlags): Promise<void> {
  const store = lazyStore(ctx);
  try {
    const engine = createEngine();
    if (flags.batch) return await runBatch(ctx, engine, flags.batch, store.get);
    if (!a || !b) throw new UsageError('compare needs two texts (files or stored ids), or --batch <pairs.tsv>');
    const [x, y] = [await articleFromArg(a, store.get), await articleFromArg(b, store.get)];
    const rel = compareArticles(engine, x, y);
    if (flags.json) writeJson(ctx.io.stdout, pairJson(rel, a, b));
    else renderPair(ctx.io.stdout, rel, x, y, { passages: Number(flags.passages) || 20 });
  } finally {
    await store.close();
  }
}

async function runBatch(ctx: CliContext, engine: Engine, file: string, store: () => Promise<Store>): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(file, 'cannot read the pairs file');
  }
  const cache = new Map<string, Promise<Article>>();
  const load = (arg: string) => {
    if (!cache.has(arg)) cache.set(arg, articleFromArg(arg, store));
    return cache.get(arg)!;
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split('\t');
    if (parts.length !== 2) {
      writeLine(ctx.io.stderr, `storytrace: ${file}:${i + 1}: expected two paths separated by a tab`);
      ctx.setExitCode(1);
      continue;
    }
    try {
      const [x, y] = [await load(parts[0]), await load(parts[1])];
      ctx.io.stdout.write(JSON.stringify(pairJson(compareArticles(engine, x, y), parts[0], parts[1])) + '\n');
    } catch (err) {
      if (!(err instanceof InputError) && !(err instanceof Error && err.name === 'UserError')) throw err;
      writeLine(ctx.io.stderr, `storytrace: ${file}:${i + 1}: ${err.message}`);
      ctx.setExitCode(1);
    }
  }
}
