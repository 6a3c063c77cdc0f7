/** Turns a command argument (a file path, or a stored article's id) into an Article. */
import { existsSync } from 'node:fs';
import { InputError, UserError } from '../errors.js';
import { prepareArticle, readInputs } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import type { Article } from '../types.js';

/** Reads one file (the first article in it) and cleans it, without storing it. */
export async function articleFromFile(path: string): Promise<Article> {
  for await (const item of readInputs([path])) {
    if (item instanceof InputError) throw item;
    return prepareArticle(item);
  }
  throw new InputError(path, 'no article found');
}

/** A path that exists is read; otherwise the argument is looked up as a stored id. */
export async function articleFromArg(arg: string, store: () => Promise<Store>): Promise<Article> {
  if (arg === '-' || existsSync(arg)) return articleFromFile(arg);
  if (!/^[0-9a-f]{4,}$/i.test(arg)) throw new InputError(arg, 'no such file or directory');
  const found = await (await store()).getArticle(arg.toLowerCase());
  if (!found) throw new UserError('not_found', `${arg}: no such file, and no stored article has this id`);
  return found;
}
