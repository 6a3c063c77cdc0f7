/**
 * Plagdet of a comparator's passages on METER's span-level gold. The gold marks reuse only on the
 * newspaper side (PAsource is empty throughout the corpus), so plagdet is computed on the
 * suspicious side only: cases are the Verbatim/Rewrite runs of each span-annotated story,
 * detections are the newspaper-side ranges of the passages found against all its PA texts,
 * merged where they overlap (several PA versions often align to the same newspaper sentences,
 * which is one detection of the reuse, not several).
 */
import type { MeterItem } from './meter.js';
import { plagdet, type PlagdetResult, type ReuseCase } from './plagdet.js';
import { mergeRanges, type Range } from './ranges.js';

export interface MeterPlagdet extends PlagdetResult {
  /** Stories scored (those with span gold mapped onto their raw text). */
  documents: number;
  sides: 'suspicious';
}

export function meterPlagdet(items: readonly MeterItem[], detectionsPerItem: readonly Range[][]): MeterPlagdet {
  const cases: ReuseCase[] = [];
  const detections: ReuseCase[] = [];
  let documents = 0;
  items.forEach((item, i) => {
    if (!item.spanGold) return;
    documents++;
    for (const [start, end] of item.spanGold.reuse) cases.push({ plg: { doc: item.id, start, end } });
    for (const [start, end] of mergeRanges(detectionsPerItem[i], item.newspaperText)) detections.push({ plg: { doc: item.id, start, end } });
  });
  return { ...plagdet(cases, detections, { sides: 'suspicious' }), documents, sides: 'suspicious' };
}
