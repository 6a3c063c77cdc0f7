/**
 * Span-level gold of the METER corpus: the newspaper SGML marks each stretch of a story as
 * <Verbatim> (copied from PA), <Rewrite> (PA text reworded) or <New> (not from PA). Stories that
 * were not annotated at span level hold one <unclassified> block instead.
 *
 * We map every span onto the raw text (`newspapers/rawtexts/...txt`), which is what a comparator
 * sees: spans are searched in order, each starting where the previous one ended, matching its
 * words with any run of whitespace in between (the SGML puts newlines between tags where the raw
 * text has none, or one where it has two). A span counts as mapped only when the raw text between
 * it and the previous span is whitespace; otherwise the document's mapping is unreliable and it is
 * reported and left out of span-level scoring rather than scored against guessed offsets.
 */

export type SpanKind = 'Verbatim' | 'Rewrite' | 'New';

export interface SgmlSpan {
  kind: SpanKind;
  /** The span's text as written in the SGML (tags removed). */
  text: string;
}

export interface MappedSpan {
  kind: SpanKind;
  /** Half-open range in the raw newspaper text. */
  start: number;
  end: number;
}

export interface SgmlDocument {
  /** `classification=` of the <meterdocument> element, e.g. "partially-derived". */
  classification: string | null;
  /** Verbatim/Rewrite/New spans in document order; empty when only <unclassified>. */
  spans: SgmlSpan[];
}

const SPAN_RE = /<(Verbatim|Rewrite|New)\b[^>]*>([\s\S]*?)<\/\1\s*>/g;

/** Parses a METER newspaper SGML file (already decoded to a string). */
export function parseMeterSgml(sgml: string): SgmlDocument {
  const cls = /classification="([^"]*)"/.exec(sgml);
  const spans: SgmlSpan[] = [];
  for (const m of sgml.matchAll(SPAN_RE)) {
    spans.push({ kind: m[1] as SpanKind, text: decodeEntities(m[2]) });
  }
  return { classification: cls ? cls[1] : null, spans };
}

/** The corpus writes a few SGML entities; everything else is literal text. */
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? _);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex that matches the span's words separated by any whitespace. */
function flexiblePattern(text: string): RegExp | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join('\\s+'), 'y');
}

export interface SpanMapping {
  /** Mapped spans (whitespace-only spans are dropped: they carry no characters to score). */
  spans: MappedSpan[];
  /** Whether every span was found right after the previous one (see module comment). */
  reliable: boolean;
  /** Index of the first span that could not be placed, when not reliable. */
  failedAt: number | null;
}

/** Places the SGML spans on the raw text, in order, allowing only whitespace between them. */
export function mapSpansToRaw(spans: readonly SgmlSpan[], raw: string): SpanMapping {
  const out: MappedSpan[] = [];
  let cursor = 0;
  for (let i = 0; i < spans.length; i++) {
    const pattern = flexiblePattern(spans[i].text);
    if (!pattern) continue;
    const ws = /\s*/y;
    ws.lastIndex = cursor;
    ws.exec(raw);
    pattern.lastIndex = ws.lastIndex;
    const m = pattern.exec(raw);
    if (!m) return { spans: out, reliable: false, failedAt: i };
    out.push({ kind: spans[i].kind, start: m.index, end: m.index + m[0].length });
    cursor = m.index + m[0].length;
  }
  return { spans: out, reliable: true, failedAt: null };
}

/**
 * Gold reuse regions: maximal runs of Verbatim/Rewrite spans with only whitespace between them
 * (adjacent word-level spans are one reused stretch, not many cases; otherwise granularity would
 * punish every aligner for the annotators' word-by-word markup). <New> spans break a run.
 */
export function reuseRegions(spans: readonly MappedSpan[], raw: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (const s of spans) {
    if (s.kind === 'New') continue;
    const last = regions[regions.length - 1];
    if (last && /^\s*$/.test(raw.slice(last[1], s.start))) last[1] = s.end;
    else regions.push([s.start, s.end]);
  }
  return regions;
}
