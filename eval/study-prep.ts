/** What the METER study scripts read of one text: the article, its tokens, and which sit in quotes. */
import type { Engine } from '../src/engine/engine.js';
import { tokensOf } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { insideSpans } from '../src/relate/process-runs.js';
import { extractQuotes } from '../src/story/quotes.js';

export function studyText(engine: Engine, text: string) {
  const article = prepareArticle({ source: 'x', kind: 'text', body: text, meta: {} });
  const tokens = tokensOf(engine, article);
  const quotes = extractQuotes(article.text, article.sentences).filter((q) => !q.short);
  return { article, tokens, quoted: insideSpans(tokens, quotes) };
}
