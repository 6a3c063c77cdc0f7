/** Ingest: reading inputs and preparing articles (see docs/ARCHITECTURE.md). */
export { decodeBytes, looksBinary } from './decode.js';
export { extractHtml, blockText, DEFAULT_HTML_OPTIONS, type HtmlOptions } from './html.js';
export { extractHtmlMeta } from './html-meta.js';
export { parseJsonLine } from './jsonl.js';
export { DEFAULT_INGEST_OPTIONS, type IngestOptions } from './options.js';
export { readInputs, sniffKind } from './read.js';
export { prepareArticle, bodyText, contentHashOf, DEFAULT_PREPARE_OPTIONS, type PrepareOptions } from './prepare.js';
export { normalizeText, cleanPlainText, unwrapHardWrapped, stripLineEndMarks } from '../text/normalize.js';
export { segment, splitParagraphs } from '../text/segment.js';
export { findBoilerplate } from '../text/boilerplate.js';
export { guessTitle, guessPublished, parseDate, dateLine, datePrefix } from '../text/textmeta.js';
