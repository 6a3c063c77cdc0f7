/** Everything the analysing routes use, imported together and late (see lazy.ts). */
export { createEngine, compareArticles } from '../engine/engine.js';
export { ParallelTracer } from '../parallel/trace.js';
export { analyzeStore } from '../engine/analyze-store.js';
export { storeArticle } from '../engine/ingest.js';
export { StoreCandidateIndex } from '../fingerprint/candidates.js';
export { prepareArticle } from '../ingest/prepare.js';
export { extractQuotes } from '../story/quotes.js';
export { matchQuotes } from '../story/quote-match.js';
