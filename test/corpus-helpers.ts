import { readInputs, prepareArticle } from '../src/ingest/index.js';
import { InputError } from '../src/errors.js';
import type { Article } from '../src/types.js';

/** Reads and prepares every article under the given paths (errors fail the test). */
export async function readArticles(paths: string[]): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readInputs(paths)) {
    if (item instanceof InputError) throw item;
    out.push(prepareArticle(item));
  }
  return out;
}

/** File name without folders. */
export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
