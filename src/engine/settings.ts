/**
 * Keys of the store settings the analysis writes. A module of its own, with no imports, so the
 * server and the CLI can read them without loading the engine.
 */

/** The last analysis's quote groups (JSON QuoteGroup[]), read by `storytrace quotes` and GET /api/quotes. */
export const QUOTES_SETTING = 'analysis.quotes';
