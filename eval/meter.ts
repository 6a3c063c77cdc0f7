/**
 * Loads the METER corpus (courts domain) as laid out in shared/datasets/meter-courts (see its
 * SOURCE.txt): gold labels from file_index/courts/{wholly,partially,non}_derived.txt, each
 * newspaper story's raw text, and the raw texts of the PA (newswire) stories in the same
 * <date>/<catchline> folder. Texts are ISO-8859-1; we decode them as windows-1252 (a superset
 * that browsers and TextDecoder use for "latin1").
 *
 * Index quirks handled: entries start with "meter_corpus/" (stripped however many times it
 * occurs, and with or without a leading "/"), lines end in CRLF, one entry has a leading space;
 * *.bak index files are ignored. Missing files are listed in the result, never thrown.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { mapSpansToRaw, parseMeterSgml, reuseRegions, type MappedSpan } from './meter-sgml.js';

export type MeterLabel = 'wholly' | 'partially' | 'non';
export const METER_LABELS: readonly MeterLabel[] = ['wholly', 'partially', 'non'];

/** Span-level gold for one newspaper story, in offsets of its raw text. */
export interface MeterSpanGold {
  spans: MappedSpan[];
  /** Maximal Verbatim/Rewrite runs: the reuse cases for plagdet. */
  reuse: Array<[number, number]>;
}

export interface MeterItem {
  /** `<date>/<catchline>/<file name without .txt>`, unique in the corpus. */
  id: string;
  label: MeterLabel;
  newspaperPath: string;
  newspaperText: string;
  paPaths: string[];
  paTexts: string[];
  /** Span-level gold when the story was annotated at span level and mapped reliably. */
  spanGold: MeterSpanGold | null;
}

export interface MeterLoadReport {
  /** Index entries per label (after dropping blank lines). */
  indexed: Record<MeterLabel, number>;
  /** Items loaded per label. */
  loaded: Record<MeterLabel, number>;
  /** Index entries whose newspaper text is not on disk (corpus-relative paths). */
  missingNewspapers: string[];
  /** Loaded stories whose folder holds no PA text (kept, with empty paTexts). */
  withoutPa: string[];
  /** Ids listed under more than one label (the first label read wins: wholly, partially, non). */
  duplicates: string[];
  /** Loaded stories with no annotated SGML file. */
  sgmlMissing: number;
  /** Stories whose SGML carries Verbatim/Rewrite/New spans. */
  sgmlWithSpans: number;
  /** ...of which the spans could be placed on the raw text (see meter-sgml.ts). */
  sgmlMapped: number;
  /** Ids whose span mapping failed; they carry spanGold = null. */
  sgmlUnmapped: string[];
  /** Ids whose SGML classification= disagrees with the index label. */
  sgmlLabelDisagreements: string[];
}

export interface MeterCorpus {
  items: MeterItem[];
  report: MeterLoadReport;
}

const LATIN1 = new TextDecoder('windows-1252');

/** Reads a METER text file (ISO-8859-1). */
export function readLatin1(path: string): string {
  return LATIN1.decode(readFileSync(path));
}

/** Corpus-relative path of an index entry, or null for a blank line. */
export function normalizeIndexEntry(line: string): string | null {
  let p = line.trim().replace(/\\/g, '/');
  if (!p) return null;
  while (/^\/?meter_corpus\//.test(p)) p = p.replace(/^\/?meter_corpus\//, '');
  return p.replace(/^\/+/, '');
}

const SGML_LABEL: Record<string, MeterLabel> = {
  'wholly-derived': 'wholly',
  'partially-derived': 'partially',
  'non-derived': 'non',
};

function emptyCounts(): Record<MeterLabel, number> {
  return { wholly: 0, partially: 0, non: 0 };
}

function readIndex(dir: string, report: MeterLoadReport): Array<{ rel: string; label: MeterLabel }> {
  const seen = new Map<string, MeterLabel>();
  const entries: Array<{ rel: string; label: MeterLabel }> = [];
  for (const label of METER_LABELS) {
    const indexPath = join(dir, 'file_index', 'courts', `${label}_derived.txt`);
    const lines = existsSync(indexPath) ? readLatin1(indexPath).split(/\r?\n/) : [];
    for (const line of lines) {
      const rel = normalizeIndexEntry(line);
      if (!rel) continue;
      report.indexed[label]++;
      if (seen.has(rel)) {
        report.duplicates.push(rel);
        continue;
      }
      seen.set(rel, label);
      entries.push({ rel, label });
    }
  }
  return entries;
}

/** PA raw texts of a newspaper story's <date>/<catchline> folder, sorted by file name. */
function paFilesFor(dir: string, rel: string): string[] {
  // rel = newspapers/rawtexts/courts/<date>/<catchline>/<file>.txt
  const folder = relative(join('newspapers', 'rawtexts', 'courts'), dirname(rel));
  const paDir = join(dir, 'PA', 'rawtexts', 'courts', folder);
  if (!existsSync(paDir)) return [];
  return readdirSync(paDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(paDir, f));
}

function loadSpanGold(dir: string, rel: string, id: string, label: MeterLabel, text: string, report: MeterLoadReport): MeterSpanGold | null {
  const sgmlPath = join(dir, rel.replace('/rawtexts/', '/annotated/').replace(/\.txt$/, '.sgml'));
  if (!existsSync(sgmlPath)) {
    report.sgmlMissing++;
    return null;
  }
  const doc = parseMeterSgml(readLatin1(sgmlPath));
  const sgmlLabel = doc.classification ? SGML_LABEL[doc.classification] : undefined;
  if (sgmlLabel !== label) report.sgmlLabelDisagreements.push(id);
  if (doc.spans.length === 0) return null;
  report.sgmlWithSpans++;
  const mapping = mapSpansToRaw(doc.spans, text);
  if (!mapping.reliable) {
    report.sgmlUnmapped.push(id);
    return null;
  }
  report.sgmlMapped++;
  return { spans: mapping.spans, reuse: reuseRegions(mapping.spans, text) };
}

/** Loads every indexed newspaper story with its PA texts and span gold. Never throws on missing files. */
export function loadMeter(dir: string): MeterCorpus {
  const report: MeterLoadReport = {
    indexed: emptyCounts(),
    loaded: emptyCounts(),
    missingNewspapers: [],
    withoutPa: [],
    duplicates: [],
    sgmlMissing: 0,
    sgmlWithSpans: 0,
    sgmlMapped: 0,
    sgmlUnmapped: [],
    sgmlLabelDisagreements: [],
  };
  const items: MeterItem[] = [];
  for (const { rel, label } of readIndex(dir, report)) {
    const newspaperPath = join(dir, rel);
    if (!existsSync(newspaperPath)) {
      report.missingNewspapers.push(rel);
      continue;
    }
    const id = relative(join('newspapers', 'rawtexts', 'courts'), rel).replace(/\.txt$/, '');
    const newspaperText = readLatin1(newspaperPath);
    const paPaths = paFilesFor(dir, rel);
    if (paPaths.length === 0) report.withoutPa.push(id);
    const spanGold = loadSpanGold(dir, rel, id, label, newspaperText, report);
    items.push({ id, label, newspaperPath, newspaperText, paPaths, paTexts: paPaths.map(readLatin1), spanGold });
    report.loaded[label]++;
  }
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items, report };
}

/** A short human-readable summary of a load report. */
export function formatLoadReport(r: MeterLoadReport): string {
  const counts = (c: Record<MeterLabel, number>) => METER_LABELS.map((l) => `${l} ${c[l]}`).join(', ');
  const list = (xs: string[]) => (xs.length ? `: ${xs.slice(0, 10).join(', ')}${xs.length > 10 ? ', …' : ''}` : '');
  return [
    `indexed: ${counts(r.indexed)}`,
    `loaded:  ${counts(r.loaded)}`,
    `missing newspaper texts: ${r.missingNewspapers.length}${list(r.missingNewspapers)}`,
    `stories without PA texts: ${r.withoutPa.length}${list(r.withoutPa)}`,
    `duplicate index entries: ${r.duplicates.length}${list(r.duplicates)}`,
    `stories without SGML: ${r.sgmlMissing}`,
    `SGML with spans: ${r.sgmlWithSpans}, mapped to raw text: ${r.sgmlMapped}, unmapped: ${r.sgmlUnmapped.length}${list(r.sgmlUnmapped)}`,
    `SGML classification differs from index label: ${r.sgmlLabelDisagreements.length}${list(r.sgmlLabelDisagreements)}`,
  ].join('\n');
}
